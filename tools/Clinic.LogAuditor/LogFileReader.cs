using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Clinic.Platform.Security;

namespace Clinic.LogAuditor;

/// <summary>
/// Reads JSON-lines logs, one object a line, in either of two shapes. The console logger's JSON formatter:
/// <c>Timestamp</c>, <c>EventId</c>, <c>LogLevel</c>, <c>Category</c>, <c>Message</c> and a <c>State</c>
/// object holding the structured fields. Serilog's compact JSON (CLEF, the local host's file log): fields
/// at the top level beside <c>@t</c>, <c>@l</c>, <c>@m</c>, <c>SourceContext</c> and <c>EventId</c>.
/// Encrypted billing records are the lines whose fields include EventName, CorrelationId, KeyId, KeyRef,
/// Nonce and Ciphertext; data key announcements are those with KeyRef, KeyId, Algorithm and WrappedKey.
/// Every other line is skipped.
/// </summary>
public static class LogFileReader
{
    public static async Task<LogFileContents> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, WrappedKey>(StringComparer.Ordinal);
        var records = new List<EncryptedRecord>();
        var unreadable = 0;
        var lineNumber = 0;
        LogShape? shape = null;

        // The app may be writing the file right now; sharing lets it go on.
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;

            if (!TryRead(line, lineNumber, keys, records, ref shape))
                unreadable++;
        }

        return new LogFileContents(path, shape ?? LogShape.ConsoleJson, keys, records, unreadable);
    }

    private static bool TryRead(
        string line,
        int lineNumber,
        Dictionary<string, WrappedKey> keys,
        List<EncryptedRecord> records,
        ref LogShape? shape)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return false;

            shape ??= root.TryGetProperty("@t", out _) ? LogShape.CompactJson : LogShape.ConsoleJson;
            var hasState = root.TryGetProperty("State", out var state)
                && state.ValueKind == JsonValueKind.Object;
            var fields = hasState ? state : root;
            if (AsRecord(root, fields, lineNumber) is { } record)
                records.Add(record);
            else if (AsAnnouncement(fields) is var (keyRef, wrapped))
                keys.TryAdd(keyRef, wrapped);

            return true;
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return false;
        }
    }

    private static EncryptedRecord? AsRecord(JsonElement root, JsonElement fields, int lineNumber)
    {
        var eventName = Text(fields, BillingLogFields.EventName);
        var correlationId = Text(fields, BillingLogFields.CorrelationId);
        var keyId = Text(fields, BillingLogFields.KeyId);
        var keyRef = Text(fields, BillingLogFields.KeyRef);
        var nonce = Text(fields, BillingLogFields.Nonce);
        var ciphertext = Text(fields, BillingLogFields.Ciphertext);
        if (eventName is null || correlationId is null || keyId is null || keyRef is null || nonce is null
            || ciphertext is null)
        {
            return null;
        }

        return new EncryptedRecord(
            lineNumber,
            Copy(root, "Timestamp", "@t"),
            Copy(root, "EventId", "EventId"),
            Copy(root, "LogLevel", "@l"),
            Copy(root, "Category", "SourceContext"),
            eventName,
            correlationId,
            new EncryptedPayload(keyId, keyRef, nonce, ciphertext));
    }

    private static (string KeyRef, WrappedKey Wrapped)? AsAnnouncement(JsonElement fields)
    {
        var keyRef = Text(fields, BillingLogFields.KeyRef);
        var keyId = Text(fields, BillingLogFields.KeyId);
        var algorithm = Text(fields, BillingLogFields.Algorithm);
        var wrappedKey = Text(fields, BillingLogFields.WrappedKey);
        if (keyRef is null || keyId is null || algorithm is null || wrappedKey is null)
            return null;

        return (keyRef, new WrappedKey(keyId, algorithm, Base64Url.DecodeFromChars(wrappedKey)));
    }

    private static string? Text(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A metadata field by its console JSON name, else by its compact JSON (CLEF) name.</summary>
    private static JsonElement? Copy(JsonElement root, string name, string compactName) =>
        root.TryGetProperty(name, out var value) || root.TryGetProperty(compactName, out value)
            ? value.Clone()
            : null;
}
