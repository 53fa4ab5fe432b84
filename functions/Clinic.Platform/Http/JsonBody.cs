using System.Text.Json;
using Clinic.Platform.Errors;
using Clinic.Platform.Json;
using Microsoft.AspNetCore.Http;

namespace Clinic.Platform.Http;

/// <summary>
/// Reads a request body as JSON within <see cref="RequestLimits.MaxBodyBytes"/>. Malformed JSON and values of
/// the wrong type become field errors named after the JSON path; parser messages are never shown or logged.
/// </summary>
public static class JsonBody
{
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);

        if (RequestLimits.Check(request) is { } tooLarge)
            return tooLarge;

        if (!IsJson(request.ContentType))
        {
            return new Failure(
                FailureKind.UnsupportedMediaType,
                "unsupported-media-type",
                "Send the body as application/json.");
        }

        var buffer = await ReadLimitedAsync(request.Body, cancellationToken);
        if (buffer is null)
            return RequestLimits.TooLarge;

        if (buffer.Length == 0)
            return Failure.Validation("body", "A JSON body is required.");

        return Deserialize<T>(buffer);
    }

    private static Result<T> Deserialize<T>(byte[] buffer)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer, ClinicJson.Options);
            return value is null ? Failure.Validation("body", "A JSON object is required.") : value;
        }
        catch (JsonException exception)
        {
            return Failure.Validation(
                FieldName<T>(exception.Path), "This value is malformed or of the wrong type.");
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (copy.Length + read > RequestLimits.MaxBodyBytes)
                return null;
            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The request field the parser stopped at, if it is one of <typeparamref name="T"/>'s own; anything else
    /// (an unknown member, whose name is the caller's text) is reported as the body, so input is never echoed
    /// into logs as a field name.
    /// </summary>
    private static string FieldName<T>(string? path)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith("$.", StringComparison.Ordinal))
            return "body";

        var first = path[2..].Split('.', '[')[0];
        var known = typeof(T).GetProperties()
            .Select(property => ClinicJson.Options.PropertyNamingPolicy!.ConvertName(property.Name));
        return known.Contains(first, StringComparer.Ordinal) ? first : "body";
    }
}
