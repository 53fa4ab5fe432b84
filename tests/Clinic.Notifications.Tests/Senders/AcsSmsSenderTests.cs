using Clinic.Notifications.Senders;
using Clinic.Notifications.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Notifications.Tests.Senders;

public sealed class AcsSmsSenderTests : IAsyncLifetime
{
    private readonly FakeTokenCredential _credential = new();
    private readonly FakeLogger<AcsSmsSender> _logger = new();
    private AcsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AcsStub.StartAsync(StubAuthentication.Bearer);

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task SendAsync_accepted_returnsSentWithTheMessageId()
    {
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Sms(), CancellationToken.None);

        Assert.Empty(_stub.Problems);
        Assert.Equal(new SendOutcome.Sent(AcsStub.MessageId), outcome);
        Assert.Equal(["https://communication.azure.com//.default"], _credential.Scopes.Distinct());
    }

    [Fact]
    public async Task SendAsync_message_sendsTheDocumentedBody()
    {
        var sender = Sender();
        var message = Samples.Sms();

        await sender.SendAsync(message, CancellationToken.None);

        var body = _stub.Requests.Single().Body;
        Assert.Equal(Samples.FromNumber, body.GetProperty("from").GetString());
        Assert.Equal(message.Text, body.GetProperty("message").GetString());
        var recipient = body.GetProperty("smsRecipients")[0];
        Assert.Equal(message.To, recipient.GetProperty("to").GetString());
        var firstSent = recipient.GetProperty("repeatabilityFirstSent").GetString();
        Assert.Equal("Mon, 09 Mar 2026 14:00:00 GMT", firstSent);
        Assert.True(body.GetProperty("smsSendOptions").GetProperty("enableDeliveryReport").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_sameKeyTwice_sendsTheSameRepeatabilityFields()
    {
        var sender = Sender();

        await sender.SendAsync(Samples.Sms("appt-7731-reminder"), CancellationToken.None);
        await sender.SendAsync(Samples.Sms("appt-7731-reminder"), CancellationToken.None);
        await sender.SendAsync(Samples.Sms("appt-7732-reminder"), CancellationToken.None);

        var recipients = _stub.Requests
            .Select(request => request.Body.GetProperty("smsRecipients")[0])
            .ToArray();
        string? Field(int index, string name) => recipients[index].GetProperty(name).GetString();
        Assert.Equal(Field(0, "repeatabilityRequestId"), Field(1, "repeatabilityRequestId"));
        Assert.Equal(Field(0, "repeatabilityFirstSent"), Field(1, "repeatabilityFirstSent"));
        Assert.NotEqual(Field(0, "repeatabilityRequestId"), Field(2, "repeatabilityRequestId"));
    }

    [Fact]
    public async Task SendAsync_withoutFirstAttemptTime_sendsTheCurrentTimeAsFirstSent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 15, 30, 0, TimeSpan.Zero));
        var sender = Sender(timeProvider: time);

        await sender.SendAsync(Samples.Sms() with { FirstAttemptAt = null }, CancellationToken.None);

        var recipient = _stub.Requests.Single().Body.GetProperty("smsRecipients")[0];
        var firstSent = recipient.GetProperty("repeatabilityFirstSent").GetString();
        Assert.Equal("Mon, 09 Mar 2026 15:30:00 GMT", firstSent);
    }

    [Fact]
    public async Task SendAsync_recipientRefusedWith400_returnsPermanentWithoutTheErrorMessage()
    {
        _stub.Answer = _ => Recipient(400, successful: false, $"Invalid number {Samples.PatientPhone}.");
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Sms(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Permanent("400"), outcome);
    }

    [Fact]
    public async Task SendAsync_recipientUnavailable_returnsTransient()
    {
        _stub.Answer = _ => Recipient(503, successful: false, "ServiceUnavailable");
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Sms(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Transient("503"), outcome);
    }

    [Fact]
    public async Task SendAsync_throttled_returnsThrottledWithTheDelayAskedFor()
    {
        _stub.Answer = _ => new StubAnswer(429, null, StubAnswer.Header("Retry-After", "12"));
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Sms(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Throttled(TimeSpan.FromSeconds(12)), outcome);
    }

    [Theory]
    [InlineData(400, typeof(SendOutcome.Permanent))]
    [InlineData(404, typeof(SendOutcome.Permanent))]
    [InlineData(502, typeof(SendOutcome.Transient))]
    [InlineData(401, typeof(SendOutcome.Transient))]
    public async Task SendAsync_requestRefused_returnsTheOutcomeOfItsStatus(int status, Type expected)
    {
        _stub.Answer = _ => new StubAnswer(status);
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Sms(), CancellationToken.None);

        Assert.IsType(expected, outcome);
    }

    [Fact]
    public async Task SendAsync_serviceTooSlow_returnsTransientTimeout()
    {
        _stub.Answer = _ => new StubAnswer(202, Delay: TimeSpan.FromSeconds(5));
        var options = _stub.SenderOptions();
        options.Timeout = TimeSpan.FromMilliseconds(300);
        var sender = Sender(options);

        var outcome = await sender.SendAsync(Samples.Sms(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Transient("timeout"), outcome);
    }

    [Fact]
    public void Constructor_withoutFromNumber_throws()
    {
        var options = _stub.SenderOptions();
        options.FromNumber = " ";

        var exception = Assert.Throws<ArgumentException>(() => Sender(options));

        Assert.Contains("FromNumber", exception.Message, StringComparison.Ordinal);
    }

    private static StubAnswer Recipient(int status, bool successful, string errorMessage) => new(202, new
    {
        value = new[]
        {
            new { to = Samples.PatientPhone, httpStatusCode = status, successful, errorMessage },
        },
    });

    private AcsSmsSender Sender(AcsSenderOptions? options = null, TimeProvider? timeProvider = null) =>
        new(options ?? _stub.SenderOptions(), _credential, _logger, timeProvider, _stub.ClientOptions());
}
