using System.Diagnostics;
using System.Text;

namespace Clinic.IntegrationTests.Privacy;

/// <summary>
/// Records every activity that any source in the process emits (incoming requests, outgoing dependency
/// calls, their tags, events and exceptions): what a telemetry exporter would be handed.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly StringBuilder _text = new();

    public TelemetryCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public string Text
    {
        get
        {
            lock (_text)
                return _text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        lock (_text)
        {
            _text.AppendLine(
                $"{activity.Source.Name} {activity.OperationName} {activity.DisplayName} "
                + $"{activity.Status} {activity.StatusDescription}");
            foreach (var (key, value) in activity.TagObjects)
                _text.AppendLine($"  {key}={value}");
            foreach (var activityEvent in activity.Events)
            {
                _text.AppendLine($"  event {activityEvent.Name}");
                foreach (var (key, value) in activityEvent.Tags)
                    _text.AppendLine($"    {key}={value}");
            }
        }
    }
}
