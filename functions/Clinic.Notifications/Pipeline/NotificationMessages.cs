using System.Text.Json;
using Clinic.Platform.Json;

namespace Clinic.Notifications.Pipeline;

/// <summary>
/// Reads queue messages with the same JSON conventions that wrote them. The queue functions take the raw body
/// and call this, rather than letting the host bind a POCO: the Functions worker's default serializer does not
/// share our conventions (enums as kebab-case strings), and the local host must read them exactly as Azure does.
/// </summary>
public static class NotificationMessages
{
    public static NotificationEvent ReadEvent(string body) => Read<NotificationEvent>(body);

    public static ChannelWork ReadWork(string body) => Read<ChannelWork>(body);

    private static T Read<T>(string body)
    {
        ArgumentNullException.ThrowIfNull(body);

        // A body that is not a message of ours throws, so the queue retries it and then dead-letters it.
        return JsonSerializer.Deserialize<T>(body, ClinicJson.Options)
            ?? throw new JsonException($"The message is empty, not a {typeof(T).Name}.");
    }
}
