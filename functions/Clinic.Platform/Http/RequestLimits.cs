using Clinic.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Clinic.Platform.Http;

public static class RequestLimits
{
    /// <summary>
    /// No request of this API needs more; larger bodies are refused with 413 before parsing.
    /// </summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Refuses a request that announces a body over the limit, on every route, whether or not the function
    /// reads a body; bodies without a length are held to the limit while they are read.
    /// </summary>
    public static Failure? Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength > MaxBodyBytes ? TooLarge : null;
    }

    public static Failure TooLarge { get; } = new(
        FailureKind.PayloadTooLarge,
        "payload-too-large",
        $"The request body is larger than {MaxBodyBytes / 1024} KiB.");
}
