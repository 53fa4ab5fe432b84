using System.Globalization;
using System.Text;
using Azure.Storage.Queues;
using Clinic.LocalHost.Tests.Infrastructure;
using Clinic.LocalHost.Tests.Samples;
using Microsoft.Extensions.Logging;
using AzuriteProcess = Clinic.IntegrationTests.Infrastructure.AzuriteProcess;

namespace Clinic.LocalHost.Tests.Triggers;

[Collection(AzuriteCollection.Name)]
public sealed class QueueTriggerTests(AzuriteFixture fixture)
{
    private const int FunctionFailed = 1161;
    private const int MessagePoisoned = 1162;

    private AzuriteProcess Azurite => fixture.Azurite;

    [Fact]
    public async Task PocoMessage_inAppJsonConventions_isBoundAndThenDeleted()
    {
        await using var host = await TriggerHost.StartAsync(Azurite);
        var queue = host.Queue(SampleSettings.PocoQueue);

        await host.SendAsync(
            SampleSettings.PocoQueue, new("""{"orderId":"o-1","quantity":2,"priority":"very-urgent"}"""));

        await Eventually.HoldsAsync(
            () => host.Recorder.Of<SampleOrder>(PocoQueueFunction.Name).Count == 1,
            "the order was processed");
        await Eventually.HoldsAsync(async () => await CountAsync(queue) == 0, "the message was deleted");
        Assert.Equal(
            new SampleOrder("o-1", 2, SamplePriority.VeryUrgent),
            host.Recorder.Of<SampleOrder>(PocoQueueFunction.Name).Single());
    }

    [Fact]
    public async Task TextMessage_withBindingData_isBoundByParameterName()
    {
        await using var host = await TriggerHost.StartAsync(Azurite);

        var sent = await host.SendAsync(SampleSettings.TextQueue, new("plain text, not JSON"));

        await Eventually.HoldsAsync(
            () => host.Recorder.Of<TextDelivery>(TextQueueFunction.Name).Count == 1,
            "the text was processed");
        var delivery = host.Recorder.Of<TextDelivery>(TextQueueFunction.Name).Single();
        Assert.Equal("plain text, not JSON", delivery.Text);
        Assert.Equal(sent.MessageId, delivery.Id);
        Assert.False(string.IsNullOrEmpty(delivery.PopReceipt));
        Assert.Equal(1, delivery.DequeueCount);
        Assert.Equal(sent.InsertionTime, delivery.InsertionTime);
        Assert.Equal(sent.ExpirationTime, delivery.ExpirationTime);
        Assert.True(delivery.NextVisibleTime > delivery.InsertionTime);
    }

    [Fact]
    public async Task Message_boundAsBytes_isTheBodyUnchanged()
    {
        await using var host = await TriggerHost.StartAsync(Azurite);
        var body = Encoding.UTF8.GetBytes("{\"any\":\"bytes\"}");

        await host.SendAsync(SampleSettings.BytesQueue, new BinaryData(body));

        await Eventually.HoldsAsync(
            () => host.Recorder.Of<byte[]>(BytesQueueFunction.Name).Count == 1, "the bytes were processed");
        Assert.Equal(body, host.Recorder.Of<byte[]>(BytesQueueFunction.Name).Single());
    }

    [Fact]
    public async Task Base64Encoding_whenConfigured_decodesWhatProducersEncoded()
    {
        await using var host = await TriggerHost.StartAsync(
            Azurite, new Dictionary<string, string?> { ["LocalHost:Queues:MessageEncoding"] = "base64" });

        await host.SendAsync(SampleSettings.TextQueue, new("héllo, encoded"), QueueMessageEncoding.Base64);

        await Eventually.HoldsAsync(
            () => host.Recorder.Of<TextDelivery>(TextQueueFunction.Name).Count == 1,
            "the text was processed");
        Assert.Equal("héllo, encoded", host.Recorder.Of<TextDelivery>(TextQueueFunction.Name).Single().Text);
    }

    [Fact]
    public async Task FailingFunction_succeedingOnThirdAttempt_countsDequeuesAndProcessesOnce()
    {
        await using var host = await TriggerHost.StartAsync(Azurite);
        var queue = host.Queue(SampleSettings.FlakyQueue);

        await host.SendAsync(SampleSettings.FlakyQueue, new("flaky work"));

        await Eventually.HoldsAsync(async () => await CountAsync(queue) == 0, "the message was deleted");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var attempts = host.Recorder.Of<Attempt>(FlakyQueueFunction.Name);
        Assert.Equal([1L, 2L, 3L], attempts.Select(a => a.DequeueCount));
        Assert.Single(attempts, a => a.Succeeded);
        Assert.Equal(2, host.Events(FunctionFailed).Count);
        Assert.False((await host.PoisonQueue(SampleSettings.FlakyQueue).ExistsAsync()).Value);
    }

    [Fact]
    public async Task Message_afterAFailedAttempt_staysInvisibleForTheVisibilityTimeout()
    {
        var visibilityTimeout = TimeSpan.FromSeconds(3);
        await using var host = await TriggerHost.StartAsync(Azurite, new Dictionary<string, string?>
        {
            ["LocalHost:Queues:VisibilityTimeout"] = visibilityTimeout.ToString(),
        });

        await host.SendAsync(SampleSettings.FlakyQueue, new("slow retry"));

        await Eventually.HoldsAsync(
            () => host.Recorder.Of<Attempt>(FlakyQueueFunction.Name).Count >= 2, "a second attempt was made");
        var attempts = host.Recorder.Of<Attempt>(FlakyQueueFunction.Name);

        // A lower bound only, which holds however slow the machine is; the clock's ticks allow 250 ms.
        Assert.True(attempts[1].At - attempts[0].At >= visibilityTimeout - TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task AlwaysFailingFunction_afterMaxDequeueCount_movesTheOriginalBodyToPoisonQueue()
    {
        await using var host = await TriggerHost.StartAsync(
            Azurite, new Dictionary<string, string?> { ["LocalHost:Queues:MaxDequeueCount"] = "3" });
        var queue = host.Queue(SampleSettings.FailingQueue);
        var poison = host.PoisonQueue(SampleSettings.FailingQueue);
        const string body = """{"patient":"private-marker-5150"}""";

        await host.SendAsync(SampleSettings.FailingQueue, new(body));

        await Eventually.HoldsAsync(
            () => host.Events(MessagePoisoned).Count == 1, "the message was poisoned");
        var poisoned = await poison.ReceiveMessagesAsync(maxMessages: 32);
        Assert.Equal([body], poisoned.Value.Select(message => message.Body.ToString()));
        Assert.Equal(0, await CountAsync(queue));
        Assert.Equal(
            [1L, 2L, 3L], host.Recorder.Of<Attempt>(FailingQueueFunction.Name).Select(a => a.DequeueCount));
        Assert.Equal(3, host.Events(FunctionFailed).Count);
    }

    [Fact]
    public async Task FailureLogs_ofAFailingFunction_nameTheFailureButNeverTheBodyOrExceptionMessage()
    {
        await using var host = await TriggerHost.StartAsync(
            Azurite, new Dictionary<string, string?> { ["LocalHost:Queues:MaxDequeueCount"] = "2" });
        const string marker = "private-marker-8641";

        var sent = await host.SendAsync(SampleSettings.FailingQueue, new($"patient {marker}"));

        await Eventually.HoldsAsync(
            () => host.Events(MessagePoisoned).Count == 1, "the message was poisoned");
        var failure = host.Events(FunctionFailed)[0];
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal("QueueFunctionFailed", failure.Id.Name);
        Assert.Contains(FailingQueueFunction.Name, failure.Message, StringComparison.Ordinal);
        Assert.Contains(sent.MessageId, failure.Message, StringComparison.Ordinal);
        Assert.Contains(
            typeof(InvalidOperationException).FullName!, failure.Message, StringComparison.Ordinal);
        Assert.All(host.Logs.GetSnapshot(), record =>
        {
            Assert.Null(record.Exception);
            Assert.DoesNotContain(marker, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Refused the message", record.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task PocoMessage_thatIsNotJson_failsEachAttemptAndEndsInPoisonQueue()
    {
        await using var host = await TriggerHost.StartAsync(
            Azurite, new Dictionary<string, string?> { ["LocalHost:Queues:MaxDequeueCount"] = "2" });

        await host.SendAsync(SampleSettings.PocoQueue, new("not json"));

        await Eventually.HoldsAsync(
            () => host.Events(MessagePoisoned).Count == 1, "the message was poisoned");
        Assert.Empty(host.Recorder.Of<SampleOrder>(PocoQueueFunction.Name));
        Assert.Equal(2, host.Events(FunctionFailed).Count);
        Assert.All(host.Events(FunctionFailed), record =>
            Assert.Contains("System.Text.Json.JsonException", record.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_receivedMoreThanMaxDequeueCount_isPoisonedWithoutAnotherAttempt()
    {
        await using var host = TriggerHost.Create(
            Azurite, new Dictionary<string, string?> { ["LocalHost:Queues:MaxDequeueCount"] = "1" });
        var queue = host.Queue(SampleSettings.TextQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("abandoned before");

        // As if an earlier host had received it and stopped before finishing: dequeue count 1.
        await queue.ReceiveMessagesAsync(maxMessages: 1, visibilityTimeout: TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await host.StartAsync();

        await Eventually.HoldsAsync(
            () => host.Events(MessagePoisoned).Count == 1, "the message was poisoned");
        Assert.Empty(host.Recorder.Of<TextDelivery>(TextQueueFunction.Name));
    }

    [Fact]
    public async Task EachInvocation_getsAServiceScopeOfItsOwn_disposedAfterwards()
    {
        await using var host = await TriggerHost.StartAsync(Azurite);

        await host.SendAsync(SampleSettings.ScopedQueue, new("first"));
        await host.SendAsync(SampleSettings.ScopedQueue, new("second"));

        await Eventually.HoldsAsync(
            () => host.Recorder.Of<ScopeProbe>(ScopedQueueFunction.Name) is { Count: 2 } probes
                && probes.All(probe => probe.Disposed),
            "both messages were processed and their scopes disposed");
        var ids = host.Recorder.Of<ScopeProbe>(ScopedQueueFunction.Name).Select(probe => probe.Id);
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task QueueName_fromSettingInUpperCase_isCreatedLowerCased()
    {
        await using var host = await TriggerHost.StartAsync(Azurite);
        var setting = host.Settings[SampleSettings.TextQueue]!;
        var expected = new QueueClient(
            Azurite.ConnectionString, setting.ToLower(CultureInfo.InvariantCulture));

        await Eventually.HoldsAsync(
            async () => (await expected.ExistsAsync()).Value, "the queue was created");

        Assert.NotEqual(setting, expected.Name);
    }

    [Fact]
    public async Task StartUp_withoutTheQueueNameSetting_failsNamingIt()
    {
        await using var host = TriggerHost.Create(
            Azurite, new Dictionary<string, string?> { [SampleSettings.PocoQueue] = null });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

        Assert.Contains(PocoQueueFunction.Name, failure.Message, StringComparison.Ordinal);
        Assert.Contains(SampleSettings.PocoQueue, failure.Message, StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
