using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace Clinic.Notifications.Senders;

/// <summary>
/// Maps answers of Azure Communication Services to outcomes: 429 is throttling, 408 and 5xx are transient,
/// so are 401 and 403 (a rotated key or a missing role assignment is fixed once for every message, and the
/// messages should still go out then: retried, then kept in the poison queue, not dropped), and every
/// other 4xx is permanent.
/// </summary>
internal static partial class AcsOutcomes
{
    /// <summary>A throttled send waits at least this long, whatever the service says.</summary>
    public static readonly TimeSpan MinRetryAfter = TimeSpan.FromSeconds(1);

    public static bool IsAccessDenied(int status) => status is 401 or 403;

    /// <summary>Whether an outcome code is that of a 401 or 403, with or without an error code.</summary>
    public static bool IsAccessDenied(string code) =>
        code is "401" or "403" || code.StartsWith("401:", StringComparison.Ordinal)
        || code.StartsWith("403:", StringComparison.Ordinal);

    /// <summary>The outcome of a refused request, from its status and the service's error code.</summary>
    public static SendOutcome Refused(Response response, AcsSenderOptions options, DateTimeOffset now) =>
        FromStatus(response.Status, ProviderErrorCode(response),
            () => RetryAfter(response.Headers, options, now));

    /// <summary>The outcome of an HTTP status, of a whole response or of one recipient.</summary>
    public static SendOutcome FromStatus(int status, string? providerCode, Func<TimeSpan> retryAfter)
    {
        var code = Code(status, providerCode);
        return status switch
        {
            429 => new SendOutcome.Throttled(retryAfter()),
            408 or >= 500 => new SendOutcome.Transient(code),
            _ when IsAccessDenied(status) => new SendOutcome.Transient(code),
            >= 400 => new SendOutcome.Permanent(code),

            // Nothing else is part of the API (a redirect, say): something in between is wrong, maybe
            // briefly.
            _ => new SendOutcome.Transient(code),
        };
    }

    /// <summary>
    /// How long to wait after a 429: <c>retry-after-ms</c> or <c>x-ms-retry-after-ms</c> (milliseconds),
    /// else <c>Retry-After</c> (seconds or an HTTP date), else the configured default; never less than
    /// <see cref="MinRetryAfter"/> nor more than the configured maximum.
    /// </summary>
    public static TimeSpan RetryAfter(ResponseHeaders headers, AcsSenderOptions options, DateTimeOffset now)
    {
        var asked = RequestedDelay(headers, now) ?? options.DefaultRetryAfter;
        var max = options.MaxRetryAfter < MinRetryAfter ? MinRetryAfter : options.MaxRetryAfter;
        return asked < MinRetryAfter ? MinRetryAfter : asked > max ? max : asked;
    }

    /// <summary>The delay a response asks for, unclamped; null when it names none that can be read.</summary>
    public static TimeSpan? RequestedDelay(ResponseHeaders headers, DateTimeOffset now)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (headers.TryGetValue(name, out var ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
                && milliseconds >= 0)
                return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (!headers.TryGetValue("Retry-After", out var value))
            return null;

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    /// <summary><c>400</c>, or <c>400:InvalidRequest</c> when the service named a usable code.</summary>
    public static string Code(int status, string? providerCode) =>
        SafeCode(providerCode) is { } safe
            ? status.ToString(CultureInfo.InvariantCulture) + ":" + safe
            : status.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A provider's code if it looks like one (a short identifier); anything else could be free text with
    /// an address in it, and is left out of the logs.
    /// </summary>
    public static string? SafeCode(string? code) =>
        code is not null && CodePattern().IsMatch(code) ? code : null;

    /// <summary>
    /// The <c>x-ms-error-code</c> header, else <c>error.code</c> of the body; never the error's message.
    /// </summary>
    public static string? ProviderErrorCode(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var header) && SafeCode(header) is { } code)
            return code;

        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var value) && value.ValueKind == JsonValueKind.String
                    ? SafeCode(value.GetString())
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
