using System.Text.Json;
using Azure;

namespace Clinic.Notifications.Senders;

/// <summary>
/// The status of an email send operation as the service reports it (<c>{ id, status, error }</c>), with the
/// delay its retry-after header asks for before the next look. Unreadable parts are null.
/// </summary>
internal sealed record EmailOperationStatus(
    string? Id, string? Status, string? ErrorCode, TimeSpan? RetryAfter)
{
    public static EmailOperationStatus Read(Response response, DateTimeOffset now)
    {
        var retryAfter = AcsOutcomes.RequestedDelay(response.Headers, now);
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new EmailOperationStatus(null, null, null, retryAfter);

            var errorCode = root.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                    ? Text(error, "code")
                    : null;
            return new EmailOperationStatus(Text(root, "id"), Text(root, "status"), errorCode, retryAfter);
        }
        catch (JsonException)
        {
            return new EmailOperationStatus(null, null, null, retryAfter);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
