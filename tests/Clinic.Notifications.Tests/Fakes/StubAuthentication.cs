namespace Clinic.Notifications.Tests.Fakes;

/// <summary>Which of the two documented schemes <see cref="AcsStub"/> insists on.</summary>
internal enum StubAuthentication
{
    /// <summary>A Microsoft Entra bearer token: the one <see cref="FakeTokenCredential"/> gives.</summary>
    Bearer,

    /// <summary>An HMAC-SHA256 signature with the stub's access key.</summary>
    AccessKey,
}
