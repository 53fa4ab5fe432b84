namespace Clinic.Notifications.Pipeline;

/// <summary>How the notification flow behaves (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";
    public const string OutboxSender = "Outbox";
    public const string AcsSender = "Acs";

    /// <summary><c>Outbox</c> (files, for development) or <c>Acs</c> (Azure Communication Services).</summary>
    public string Sender { get; set; } = OutboxSender;

    /// <summary>
    /// The first part of every notification queue's name (<see cref="NotificationQueues"/>). Hosts that share
    /// a storage account but not their data (tables of another prefix) need one each, or each takes the
    /// others' messages and drops them, finding no such appointment. Lower-case letters, digits and hyphens.
    /// </summary>
    public string QueuePrefix { get; set; } = "notify";

    /// <summary>The clinic's name as the sender of every message.</summary>
    public string ClinicName { get; set; } = "Clinic";

    /// <summary>The domain of calendar event UIDs; keep it stable, or calendars see new events.</summary>
    public string CalendarDomain { get; set; } = "clinic.example.test";

    /// <summary>Sends of one message before it is dead-lettered, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an instance may hold a delivery while sending before another may take it over.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long before the start a reminder goes out.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the reminder timer runs (its schedule, <c>ReminderSchedule</c>, should agree).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>No SMS from this hour, in the patient's zone...</summary>
    public int QuietHoursStart { get; set; } = 21;

    /// <summary>...until this hour.</summary>
    public int QuietHoursEnd { get; set; } = 8;

    /// <summary>The backoff before send number <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Max(0, attempt - 1));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }
}
