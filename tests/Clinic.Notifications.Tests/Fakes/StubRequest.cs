using System.Text.Json;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>
/// One request as <see cref="AcsStub"/> received it; <see cref="Body"/> is undefined when it had none.
/// </summary>
internal sealed record StubRequest(
    string Method,
    string Path,
    string ApiVersion,
    string Authorization,
    string? OperationId,
    string ContentType,
    JsonElement Body);
