using Clinic.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Clinic.Platform.Http;

/// <summary>
/// Maps failure kinds to HTTP statuses and codes to the stable problem type URIs documented in docs/.
/// </summary>
public static class ProblemTypes
{
    public const string UnexpectedCode = "unexpected";

    public static string UriFor(string code) => $"/problems/{code}";

    public static int StatusFor(FailureKind kind) => kind switch
    {
        FailureKind.Validation => StatusCodes.Status400BadRequest,
        FailureKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        FailureKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        FailureKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        FailureKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        FailureKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        FailureKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
