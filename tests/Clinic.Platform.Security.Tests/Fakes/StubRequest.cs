using System.Text.Json;

namespace Clinic.Platform.Security.Tests.Fakes;

/// <summary>One request as <see cref="KeyVaultStub"/> received it.</summary>
internal sealed record StubRequest(
    string Method,
    string Path,
    string ApiVersion,
    string Authorization,
    string ContentType,
    JsonElement Body);
