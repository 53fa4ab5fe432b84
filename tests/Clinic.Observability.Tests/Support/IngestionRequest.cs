using System.Text.Json;

namespace Clinic.Observability.Tests.Support;

/// <summary>One telemetry upload the stub received: the path posted to and the body as text.</summary>
public sealed record IngestionRequest(string Path, string Body)
{
    /// <summary>The messages of the log items in the body (a JSON item a line), escapes undone.</summary>
    public IReadOnlyList<string> Messages() =>
    [
        .. Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("data").GetProperty("baseData"))
            .Where(data => data.TryGetProperty("message", out _))
            .Select(data => data.GetProperty("message").GetString() ?? ""),
    ];
}
