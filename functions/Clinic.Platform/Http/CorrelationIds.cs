using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Clinic.Platform.Http;

/// <summary>
/// One id per request that ties a response, its problem details and every log line together. A caller's id
/// is reused only when it is short and plain, so nothing a client sends is echoed back or logged unchecked.
/// </summary>
public static class CorrelationIds
{
    public const string HeaderName = "x-correlation-id";

    private const int MaxLength = 64;
    private static readonly object ItemKey = new();

    public static string Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is string id)
            return id;

        id = FromHeader(context.Request) ?? FromActivity() ?? Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.Headers[HeaderName] = id;
        return id;
    }

    private static string? FromHeader(HttpRequest request)
    {
        var value = request.Headers[HeaderName].ToString();
        return IsPlain(value) ? value : null;
    }

    private static string? FromActivity()
    {
        var traceId = Activity.Current?.TraceId.ToHexString();
        return traceId is null || traceId == "00000000000000000000000000000000" ? null : traceId;
    }

    private static bool IsPlain(string value) =>
        value.Length is > 0 and <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
