using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Transport;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Notifications;

/// <summary>
/// The local host with its queue triggers polling fast, retries as soon as Storage allows (delays of
/// milliseconds, shown after a second, the least visibility it counts) and the outbox sender writing to a
/// folder of its own, plus helpers to book as a patient with a profile and to read what was "sent".
/// </summary>
internal sealed class NotificationHost : IAsyncDisposable
{
    public const string Doctor = FutureSlots.ParisDoctor;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private NotificationHost(RunningLocalHost host, string outbox)
    {
        Host = host;
        Outbox = outbox;
    }

    public RunningLocalHost Host { get; }

    public string Outbox { get; }

    public HttpClient Client => Host.Client;

    /// <summary>This host's notification queues (a prefix of its own).</summary>
    public NotificationQueues Queues => Host.Services.GetRequiredService<NotificationQueues>();

    public static async Task<NotificationHost> StartAsync(
        AzuriteProcess azurite,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null)
    {
        var outbox = Path.Combine(Path.GetTempPath(), "clinic-outbox-" + Guid.NewGuid().ToString("N"));
        var configuration = new Dictionary<string, string?>
        {
            ["Notifications:Outbox:Path"] = outbox,
            ["Notifications:FirstRetryDelay"] = "00:00:00.100",
            ["Notifications:MaxRetryDelay"] = "00:00:00.300",
            ["Notifications:ReminderSchedule"] = "0 0 0 1 1 *",
            ["Notifications:OutboxSweepSchedule"] = "0 0 0 1 1 *",
            ["LocalHost:Queues:MaxPollingInterval"] = "00:00:00.200",
            ["LocalHost:Queues:VisibilityTimeout"] = "00:00:00",
            ["Scheduling:OutboxSweepDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var host = await RunningLocalHost.StartAsync(azurite, configuration, services: services);
        return new NotificationHost(host, outbox);
    }

    /// <summary>
    /// Puts a <see cref="RecordingQueue"/> in front of the app's queue, so a test reads the visibility delay
    /// of each message the app queues (<see cref="QueuedAgain"/>).
    /// </summary>
    public static void RecordQueuedMessages(IServiceCollection services) =>
        services.AddSingleton<INotificationQueue>(provider => new RecordingQueue(
            new StorageNotificationQueue(provider.GetRequiredService<QueueServiceClient>())));

    /// <summary>What the app queued for the appointment with a delay: its retries and deferrals.</summary>
    public IReadOnlyList<QueuedMessage> QueuedAgain(string appointmentId, string queue) =>
        ((RecordingQueue)Host.Services.GetRequiredService<INotificationQueue>()).Sent
            .Where(message => message.Queue == queue && message.Delay is not null)
            .Where(message => (message.Message as ChannelWork)?.Event.AppointmentId == appointmentId)
            .ToList();

    /// <summary>A zone whose wall clock reads <paramref name="hour"/> o'clock (or the hour after) right now.</summary>
    public static string ZoneAtHour(int hour)
    {
        var offset = ((hour - DateTime.UtcNow.Hour + 36) % 24) - 12;
        return offset switch
        {
            0 => "Etc/UTC",
            > 0 => $"Etc/GMT-{offset}",
            _ => $"Etc/GMT+{-offset}",
        };
    }

    public async Task SaveProfileAsync(
        string patient, string language, string zone, bool smsConsent, params string[] channels)
    {
        var response = await Client.SendAsync(Put("/api/me/profile", new
        {
            displayName = "Ana Martín",
            email = $"{patient}@example.test",
            phone = "+1 202-555-0147",
            preferredLanguage = language,
            timeZone = zone,
            notificationChannels = channels,
            smsConsent,
        }).As(patient));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<string> BookAsync(string patient, int slotIndex)
    {
        var free = await FutureSlots.FindAsync(Client, Doctor, weeksAhead: 2);
        var booked = await Client.SendAsync(
            Post("/api/appointments", new { doctorId = Doctor, start = free[slotIndex] }).As(patient));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        return (await booked.JsonAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>One delivery's state, as admins read it; null while there is none.</summary>
    public async Task<string?> DeliveryStateAsync(
        string appointmentId, string channel, string kind = "confirmation") =>
        (await DeliveryAsync(appointmentId, channel, kind))?.GetProperty("state").GetString();

    /// <summary>Why one delivery is where it is (a code such as <c>stale</c>), as admins read it.</summary>
    public async Task<string?> DeliveryReasonAsync(string appointmentId, string channel, string kind) =>
        (await DeliveryAsync(appointmentId, channel, kind))?.GetProperty("reason").GetString();

    /// <summary>A copy of the booking's first channel message, as the fan-out queued it.</summary>
    public async Task<ChannelWork> ConfirmationWorkAsync(
        string appointmentId, string patient, NotificationChannel channel)
    {
        var appointment = await (await Client.SendAsync(
            Get($"/api/appointments/{appointmentId}").As(patient))).JsonAsync();
        var booked = new NotificationEvent($"{appointmentId}-v1", NotificationKind.Confirmation,
            appointmentId, Doctor, patient, 1, Utc(appointment.GetProperty("startUtc").GetString()),
            Utc(appointment.GetProperty("endUtc").GetString()), null);
        return new ChannelWork(booked, channel, 0, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// The newest alert raised for <paramref name="eventName"/>, as admins list them; null if none was listed
    /// within the bound. The alert writer stores alerts in the background, so the list is read until it is.
    /// </summary>
    public async Task<JsonElement?> AlertAsync(string eventName)
    {
        JsonElement? found = null;
        await Poll.UntilAsync(async () =>
        {
            var body = await (await Client.SendAsync(Get("/api/admin/alerts").As("demo-admin"))).JsonAsync();
            found = body.GetProperty("alerts").EnumerateArray()
                .Where(alert => alert.GetProperty("eventName").GetString() == eventName)
                .Select(alert => (JsonElement?)alert)
                .FirstOrDefault();
            return found is not null;
        });
        return found;
    }

    /// <summary>The dead letters that admins see, newest first.</summary>
    public async Task<IReadOnlyList<string>> DeadLetterIdsAsync()
    {
        var body = await (await Client.SendAsync(
            Get("/api/admin/notifications/dead-letters").As("demo-admin"))).JsonAsync();
        return body.GetProperty("deadLetters").EnumerateArray()
            .Select(letter => letter.GetProperty("id").GetString()!)
            .ToList();
    }

    public Task<HttpResponseMessage> ReplayAsync(string deadLetterId) => Client.SendAsync(
        Post($"/api/admin/notifications/dead-letters/{deadLetterId}/replay", new { }).As("demo-admin"));

    /// <summary>How many records of the event <paramref name="name"/> the host logged.</summary>
    public int Logged(string name) => Host.Logs.GetSnapshot().Count(record => record.Id.Name == name);

    public IReadOnlyList<MimeMessage> Emails() =>
        Files("email", "*.eml").Select(path => MimeMessage.Load(path)).ToList();

    public IReadOnlyList<string> TextMessages() => Files("sms", "*.txt").Select(File.ReadAllText).ToList();

    /// <summary>Waits until the outbox holds at least so many emails and SMS, then a moment more.</summary>
    public async Task WaitForAsync(int emails, int sms)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (Files("email", "*.eml").Count < emails || Files("sms", "*.txt").Count < sms)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"Expected {emails} emails and {sms} SMS; the outbox has {Files("email", "*.eml").Count} and "
                + $"{Files("sms", "*.txt").Count}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        // Anything extra (a duplicate) would arrive within the same few polls.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Directory.Exists(Outbox))
            Directory.Delete(Outbox, recursive: true);
    }

    private async Task<JsonElement?> DeliveryAsync(string appointmentId, string channel, string kind)
    {
        var body = await (await Client.SendAsync(
            Get($"/api/admin/appointments/{appointmentId}/notifications").As("demo-admin"))).JsonAsync();
        return body.GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("channel").GetString() == channel)
            .Where(d => d.GetProperty("kind").GetString() == kind)
            .Select(d => (JsonElement?)d)
            .FirstOrDefault();
    }

    private static DateTimeOffset Utc(string? text) =>
        DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private List<string> Files(string folder, string pattern)
    {
        var path = Path.Combine(Outbox, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, pattern).Order().ToList() : [];
    }
}
