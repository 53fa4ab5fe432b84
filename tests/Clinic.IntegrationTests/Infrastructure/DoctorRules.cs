namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>
/// Availability bodies for the seeded Paris doctor: their own rules (Monday to Thursday, 08:30-12:30 and
/// 13:30-17:30, 30-minute slots) with the given days off, or an afternoon that ends earlier, as a doctor's
/// form would send them.
/// </summary>
public static class DoctorRules
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday"];

    public static object Paris(params string[] daysOff) => ParisUntil("17:30", daysOff);

    public static object ParisUntil(string afternoonEnd, params string[] daysOff) => new
    {
        timeZone = "Europe/Paris",
        slotMinutes = 30,
        weeklyAvailability = Days.SelectMany(day => new[]
        {
            new { day, start = "08:30", end = "12:30" },
            new { day, start = "13:30", end = afternoonEnd },
        }),
        daysOff,
    };

    public static HttpRequestMessage IfMatch(this HttpRequestMessage request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
