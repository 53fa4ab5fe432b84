using Clinic.Notifications.Senders;
using Clinic.Notifications.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.Notifications.Tests.Senders;

/// <summary>
/// The access-key scheme: the stub recomputes each signature and content hash with its own key.
/// </summary>
public sealed class AcsAccessKeyTests : IAsyncLifetime
{
    private AcsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AcsStub.StartAsync(StubAuthentication.AccessKey);

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task EmailSendAsync_withConnectionString_signsTheSendAndTheStatusRequest()
    {
        var sender = new AcsEmailSender(_stub.SenderOptions(), null, new FakeLogger<AcsEmailSender>(),
            null, _stub.ClientOptions());

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Empty(_stub.Problems);
        Assert.Equal(2, _stub.Requests.Count);
        Assert.All(_stub.Requests, request => Assert.StartsWith(
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=", request.Authorization,
            StringComparison.Ordinal));
        Assert.IsType<SendOutcome.Sent>(outcome);
    }

    [Fact]
    public async Task SmsSendAsync_withConnectionString_signsTheRequest()
    {
        var sender = new AcsSmsSender(_stub.SenderOptions(), null, new FakeLogger<AcsSmsSender>(),
            null, _stub.ClientOptions());

        var outcome = await sender.SendAsync(Samples.Sms(), CancellationToken.None);

        Assert.Empty(_stub.Problems);
        Assert.IsType<SendOutcome.Sent>(outcome);
    }

    [Fact]
    public async Task SendAsync_signedWithAnotherKey_failsTheSignatureCheck()
    {
        var options = _stub.SenderOptions();
        var otherKey = Convert.ToBase64String(new byte[64]);
        options.ConnectionString = $"endpoint={_stub.Endpoint};accesskey={otherKey}";
        var sender = new AcsSmsSender(
            options, null, new FakeLogger<AcsSmsSender>(), null, _stub.ClientOptions());

        var outcome = await sender.SendAsync(Samples.Sms(), CancellationToken.None);

        // The stub answers a bad signature with 400, where the service says 401: the check is what matters.
        Assert.Equal(["HMAC signature"], _stub.Problems);
        Assert.IsType<SendOutcome.Permanent>(outcome);
    }

    [Fact]
    public void Parse_connectionString_readsTheEndpointAndTheKey()
    {
        var parsed = AcsConnectionString.Parse(
            " Endpoint=https://clinic-acs.communication.azure.com/ ; AccessKey=AAECAw== ");

        Assert.Equal(new Uri("https://clinic-acs.communication.azure.com/"), parsed.Endpoint);
        Assert.Equal([0, 1, 2, 3], parsed.AccessKey);
    }

    [Theory]
    [InlineData("endpoint=https://clinic-acs.communication.azure.com/")]
    [InlineData("accesskey=AAECAw==")]
    [InlineData("endpoint=https://clinic-acs.communication.azure.com/;accesskey=not*base64")]
    public void Parse_incompleteConnectionString_throwsWithoutQuotingTheKey(string connectionString)
    {
        var exception = Assert.Throws<FormatException>(() => AcsConnectionString.Parse(connectionString));

        Assert.DoesNotContain("AAECAw", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_sameKey_givesTheSameVersion8Uuid()
    {
        var first = RepeatabilityId.For("sms", "appt-7731-reminder");

        var second = RepeatabilityId.For("sms", "appt-7731-reminder");

        Assert.Equal(first, second);
        Assert.Equal(8, first.Version);
        Assert.NotEqual(first, RepeatabilityId.For("email", "appt-7731-reminder"));
    }
}
