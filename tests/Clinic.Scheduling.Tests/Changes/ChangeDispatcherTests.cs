using Clinic.Scheduling.Application;
using Clinic.Scheduling.Changes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Clinic.Scheduling.Tests.Changes;

/// <summary>
/// A change posted after its commit is published in the background; when the buffer is full, the post says so
/// in the log and leaves the change to the outbox sweep instead of waiting.
/// </summary>
public sealed class ChangeDispatcherTests
{
    private readonly RecordingOutbox _outbox = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly FakeLogger<ChangeDispatcher> _logger = new();

    [Fact]
    public async Task Post_withTheWorkerRunning_publishesAndForgetsTheChange()
    {
        var dispatcher = NewDispatcher();
        using var worker = new ChangeDispatchWorker(dispatcher);
        await worker.StartAsync(CancellationToken.None);

        dispatcher.Post(Change(1));
        await WaitUntilAsync(() => _outbox.Removed.Count == 1);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(["apt-1-v1"], _publisher.Published.Select(change => change.Id));
        Assert.Equal(["apt-1-v1"], _outbox.Removed.Select(change => change.Id));
    }

    [Fact]
    public void Post_whenTheBufferIsFull_returnsAtOnceAndLogsTheDeferral()
    {
        var dispatcher = NewDispatcher();

        // No worker reads the buffer, so it fills up.
        for (var i = 0; i < 1_001; i++)
            dispatcher.Post(Change(i));

        var deferred = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal("ChangeDispatchDeferred", deferred.Id.Name);
        Assert.Contains("apt-1000-v1", deferred.Message, StringComparison.Ordinal);
        Assert.Empty(_publisher.Published);
    }

    private ChangeDispatcher NewDispatcher() => new(
        _outbox, _publisher, TimeProvider.System, Options.Create(new SchedulingOptions()), _logger);

    private static AppointmentChange Change(int number)
    {
        var at = new DateTimeOffset(2027, 3, 8, 8, 30, 0, TimeSpan.Zero);
        return new AppointmentChange(
            AppointmentChange.IdFor($"apt-{number}", 1), AppointmentChangeKind.Booked, $"apt-{number}",
            "dr-claire-dubois", "patient-1", 1, at, at.AddMinutes(30), null, at.AddDays(-7));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
            await Task.Delay(50);
    }

    private sealed class RecordingOutbox : IChangeOutbox
    {
        public List<AppointmentChange> Removed { get; } = [];

        public Task<IReadOnlyList<AppointmentChange>> ListPendingAsync(
            DateTimeOffset committedBefore, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AppointmentChange>>([]);

        public Task RemoveAsync(AppointmentChange change, CancellationToken cancellationToken)
        {
            lock (Removed)
                Removed.Add(change);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingPublisher : IAppointmentChangePublisher
    {
        public List<AppointmentChange> Published { get; } = [];

        public Task PublishAsync(AppointmentChange change, CancellationToken cancellationToken)
        {
            lock (Published)
                Published.Add(change);
            return Task.CompletedTask;
        }
    }
}
