using System.Text.Json;
using Clinic.Platform.Security;

namespace Clinic.LogAuditor;

/// <summary>An encrypted billing record as read from a log line, with the line's own metadata.</summary>
public sealed record EncryptedRecord(
    int LineNumber,
    JsonElement? Timestamp,
    JsonElement? EventId,
    JsonElement? LogLevel,
    JsonElement? Category,
    string EventName,
    string CorrelationId,
    EncryptedPayload Payload);
