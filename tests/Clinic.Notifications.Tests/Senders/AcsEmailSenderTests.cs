using System.Globalization;
using System.Text.Json;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Notifications.Tests.Senders;

public sealed class AcsEmailSenderTests : IAsyncLifetime
{
    private readonly FakeTokenCredential _credential = new();
    private readonly FakeLogger<AcsEmailSender> _logger = new();
    private AcsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AcsStub.StartAsync(StubAuthentication.Bearer);

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task SendAsync_acceptedThenSucceeded_returnsSentWithTheOperationId()
    {
        var sender = Sender();
        var message = Samples.Email();

        var outcome = await sender.SendAsync(message, CancellationToken.None);

        Assert.Empty(_stub.Problems);
        var requests = _stub.Requests.ToArray();
        Assert.Equal(["POST /emails:send", $"GET /emails/operations/{requests[0].OperationId}"],
            requests.Select(request => $"{request.Method} {request.Path}"));
        Assert.Equal(new SendOutcome.Sent(requests[0].OperationId!), outcome);
        Assert.Equal(["https://communication.azure.com//.default"], _credential.Scopes.Distinct());
    }

    [Fact]
    public async Task SendAsync_message_sendsTheDocumentedBody()
    {
        var sender = Sender();
        var message = Samples.Email();

        await sender.SendAsync(message, CancellationToken.None);

        var body = _stub.Requests.First().Body;
        Assert.Equal(Samples.SenderAddress, body.GetProperty("senderAddress").GetString());
        var to = body.GetProperty("recipients").GetProperty("to");
        Assert.Equal(message.To, Assert.Single(to.EnumerateArray()).GetProperty("address").GetString());
        var content = body.GetProperty("content");
        Assert.Equal(message.Subject, content.GetProperty("subject").GetString());
        Assert.Equal(message.Text, content.GetProperty("plainText").GetString());
        Assert.Equal(message.Html, content.GetProperty("html").GetString());
        var attachment = body.GetProperty("attachments")[0];
        Assert.Equal("invite.ics", attachment.GetProperty("name").GetString());
        Assert.Equal(message.Attachments[0].ContentType, attachment.GetProperty("contentType").GetString());
        Assert.Equal(Samples.Invite, attachment.GetProperty("contentInBase64").GetBytesFromBase64());
        Assert.True(body.GetProperty("userEngagementTrackingDisabled").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_sameKeyTwice_sendsTheSameOperationIdAndBody()
    {
        var sender = Sender();

        await sender.SendAsync(Samples.Email("appt-7731-confirmed"), CancellationToken.None);
        await sender.SendAsync(Samples.Email("appt-7731-confirmed"), CancellationToken.None);
        await sender.SendAsync(Samples.Email("appt-7732-confirmed"), CancellationToken.None);

        var sends = _stub.Requests.Where(request => request.Method == "POST").ToArray();
        Assert.Equal(sends[0].OperationId, sends[1].OperationId);
        Assert.NotEqual(sends[0].OperationId, sends[2].OperationId);
        Assert.Equal(JsonSerializer.Serialize(sends[0].Body), JsonSerializer.Serialize(sends[1].Body));
    }

    [Fact]
    public async Task SendAsync_operationFailed_returnsPermanentWithTheServiceCode()
    {
        _stub.Answer = request => request.Method == "GET"
            ? new StubAnswer(200, new
            {
                id = request.Path.Split('/')[^1],
                status = "Failed",
                error = new { code = "EmailDropped", message = $"Dropped for {Samples.PatientAddress}." },
            })
            : null;
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Empty(_stub.Problems);
        Assert.Equal(new SendOutcome.Permanent("EmailDropped"), outcome);
    }

    [Fact]
    public async Task SendAsync_stillRunningWhenTheWaitEnds_returnsSentWithTheOperationId()
    {
        foreach (var _ in Enumerable.Range(0, 10))
            _stub.EmailStatuses.Enqueue("Running");
        var options = _stub.SenderOptions();
        options.MaxEmailStatusPolls = 2;
        var sender = Sender(options);

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        var requests = _stub.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal(new SendOutcome.Sent(requests[0].OperationId!), outcome);
    }

    [Fact]
    public async Task SendAsync_statusUnreadable_returnsSentBecauseTheEmailWasAccepted()
    {
        _stub.Answer = request => request.Method == "GET" ? new StubAnswer(500) : null;
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Sent(_stub.Requests.First().OperationId!), outcome);
    }

    [Fact]
    public async Task SendAsync_noStatusWait_returnsSentWithoutAskingForTheStatus()
    {
        var options = _stub.SenderOptions();
        options.EmailStatusWait = TimeSpan.Zero;
        var sender = Sender(options);

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Single(_stub.Requests);
        Assert.IsType<SendOutcome.Sent>(outcome);
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData(null, 30)]
    [InlineData("3600", 300)]
    [InlineData("0", 1)]
    public async Task SendAsync_throttled_returnsThrottledWithTheDelayAskedFor(
        string? retryAfter, int seconds)
    {
        var headers = retryAfter is null ? null : StubAnswer.Header("Retry-After", retryAfter);
        _stub.Answer = _ => new StubAnswer(429, new { error = new { code = "TooManyRequests" } }, headers);
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Throttled(TimeSpan.FromSeconds(seconds)), outcome);
    }

    [Fact]
    public async Task SendAsync_throttledUntilAnHttpDate_returnsThrottledUntilThatDate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero));
        var until = time.GetUtcNow().AddSeconds(90).ToString("r", CultureInfo.InvariantCulture);
        _stub.Answer = _ => new StubAnswer(429, null, StubAnswer.Header("Retry-After", until));
        var sender = Sender(timeProvider: time);

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Throttled(TimeSpan.FromSeconds(90)), outcome);
    }

    [Theory]
    [InlineData(503, "503")]
    [InlineData(500, "500")]
    [InlineData(408, "408")]
    [InlineData(401, "401:Denied")]
    [InlineData(403, "403:Denied")]
    public async Task SendAsync_serviceFailure_returnsTransient(int status, string code)
    {
        var error = status is 401 or 403 ? new { error = new { code = "Denied" } } : null;
        _stub.Answer = _ => new StubAnswer(status, error);
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Transient(code), outcome);
    }

    [Fact]
    public async Task SendAsync_badRequest_returnsPermanentWithTheErrorCodeOnly()
    {
        _stub.Answer = _ => new StubAnswer(400, new
        {
            error = new { code = "InvalidRecipient", message = $"{Samples.PatientAddress} is not valid." },
        });
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Permanent("400:InvalidRecipient"), outcome);
    }

    [Fact]
    public async Task SendAsync_errorCodeThatIsNotAnIdentifier_leavesItOut()
    {
        _stub.Answer = _ => new StubAnswer(400, new { error = new { code = Samples.PatientAddress } });
        var sender = Sender();

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Permanent("400"), outcome);
    }

    [Fact]
    public async Task SendAsync_serviceTooSlow_returnsTransientTimeout()
    {
        _stub.Answer = _ => new StubAnswer(202, Delay: TimeSpan.FromSeconds(5));
        var options = _stub.SenderOptions();
        options.Timeout = TimeSpan.FromMilliseconds(300);
        var sender = Sender(options);

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Transient("timeout"), outcome);
    }

    [Fact]
    public async Task SendAsync_nothingListening_returnsTransientNetwork()
    {
        var options = _stub.SenderOptions();
        options.Endpoint = new Uri("https://127.0.0.1:1/");
        var sender = Sender(options);

        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(new SendOutcome.Transient("network"), outcome);
    }

    [Fact]
    public async Task SendAsync_callerCancels_throws()
    {
        _stub.Answer = _ => new StubAnswer(202, Delay: TimeSpan.FromSeconds(5));
        var sender = Sender();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sender.SendAsync(Samples.Email(), cancellation.Token));
    }

    [Fact]
    public void Constructor_withoutSenderAddress_throws()
    {
        var options = _stub.SenderOptions();
        options.SenderAddress = null;

        var exception = Assert.Throws<ArgumentException>(() => Sender(options));

        Assert.Contains("SenderAddress", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_plainHttpEndpointWithCredential_throws()
    {
        var options = _stub.SenderOptions();
        options.Endpoint = new Uri("http://127.0.0.1:5000/");

        Assert.Throws<ArgumentException>(() => Sender(options));
    }

    private AcsEmailSender Sender(AcsSenderOptions? options = null, TimeProvider? timeProvider = null) =>
        new(options ?? _stub.SenderOptions(), _credential, _logger, timeProvider, _stub.ClientOptions());
}
