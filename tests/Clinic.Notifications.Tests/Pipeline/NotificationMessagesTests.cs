using System.Text.Json;
using Clinic.Notifications.Content;
using Clinic.Notifications.Pipeline;
using Clinic.Platform.Json;

namespace Clinic.Notifications.Tests.Pipeline;

public sealed class NotificationMessagesTests
{
    private static readonly NotificationEvent Booked = new("appt-1-v1", NotificationKind.Confirmation, "appt-1",
        "dr-claire-dubois", "patient-1", 1, new DateTimeOffset(2027, 3, 15, 14, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2027, 3, 15, 14, 30, 0, TimeSpan.Zero), null);

    [Fact]
    public void ReadWork_bodyAsTheQueueCarriesIt_roundTrips()
    {
        var work = new ChannelWork(Booked, NotificationChannel.Sms, 2, Booked.StartUtc);
        var body = JsonSerializer.Serialize(work, ClinicJson.Options);

        var read = NotificationMessages.ReadWork(body);

        Assert.Contains("\"channel\":\"sms\"", body, StringComparison.Ordinal);
        Assert.Equal(work, read);
    }

    [Fact]
    public void ReadEvent_enumAsANumber_refused()
    {
        var body = JsonSerializer.Serialize(Booked, ClinicJson.Options)
            .Replace("\"confirmation\"", "0", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => NotificationMessages.ReadEvent(body));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"unexpected\":1}")]
    public void ReadEvent_notOurMessage_throwsSoTheQueueDeadLettersIt(string body) =>
        Assert.Throws<JsonException>(() => NotificationMessages.ReadEvent(body));
}
