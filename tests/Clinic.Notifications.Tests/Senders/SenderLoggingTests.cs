using Clinic.Notifications.Senders;
using Clinic.Notifications.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.Notifications.Tests.Senders;

/// <summary>
/// Every sender logs ids and codes only: the address, the number, the name and the text of a message never
/// reach a log line, not even when the service quotes them back in an error.
/// </summary>
public sealed class SenderLoggingTests : IAsyncLifetime
{
    private readonly FakeLogCollector _collector = new();
    private AcsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AcsStub.StartAsync(StubAuthentication.Bearer);

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task SendAsync_everyOutcome_logsNoPersonalData()
    {
        var email = new AcsEmailSender(_stub.SenderOptions(), new FakeTokenCredential(),
            new FakeLogger<AcsEmailSender>(_collector), null, _stub.ClientOptions());
        var sms = new AcsSmsSender(_stub.SenderOptions(), new FakeTokenCredential(),
            new FakeLogger<AcsSmsSender>(_collector), null, _stub.ClientOptions());
        using var folder = new TempFolder();
        var outbox = new OutboxFolderSender(new OutboxFolderOptions { Path = folder.Path },
            new FakeLogger<OutboxFolderSender>(_collector));

        foreach (var answer in Answers())
        {
            _stub.Answer = answer;
            await email.SendAsync(Samples.Email(), CancellationToken.None);
            await sms.SendAsync(Samples.Sms(), CancellationToken.None);
        }

        await outbox.SendAsync(Samples.Email(), CancellationToken.None);
        await outbox.SendAsync(Samples.Email(), CancellationToken.None);
        await outbox.SendAsync(Samples.Sms(), CancellationToken.None);

        var records = _collector.GetSnapshot();
        Assert.Equal([5101, 5102, 5104, 5106, 5107, 5108, 5109, 5110, 5120, 5121],
            records.Select(record => record.Id.Id).Distinct().Order());
        Assert.All(records, record =>
        {
            var values = record.StructuredState?.Select(pair => pair.Value) ?? [];
            var text = record.Message + " " + string.Join(" ", values);
            Assert.All(Samples.PersonalValues,
                value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
            Assert.InRange(record.Id.Id, 5100, 5149);
        });
    }

    /// <summary>Success, refusals quoting the recipient, a failed operation, throttling, outages.</summary>
    private static IEnumerable<Func<StubRequest, StubAnswer?>> Answers()
    {
        var quoted = $"{Samples.PatientName} <{Samples.PatientAddress}>, {Samples.PatientPhone}";
        yield return _ => null;
        yield return _ => new StubAnswer(400, new { error = new { code = "BadInput", message = quoted } });
        yield return _ => new StubAnswer(429, new { error = new { code = "Throttled", message = quoted } });
        yield return _ => new StubAnswer(503);
        yield return _ => new StubAnswer(403, new { error = new { code = quoted, message = quoted } });
        yield return request => request.Method == "GET"
            ? new StubAnswer(200, new { id = request.Path.Split('/')[^1], status = "Failed",
                error = new { code = "EmailDropped", message = quoted } })
            : request.Path == "/sms"
                ? new StubAnswer(202, new
                {
                    value = new[] { new { to = Samples.PatientPhone, httpStatusCode = 400, successful = false,
                        errorMessage = quoted } },
                })
                : null;
    }
}
