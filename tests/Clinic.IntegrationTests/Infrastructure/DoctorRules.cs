namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>
/// Availability bodies for the seeded Paris doctor: their own rules (Monday to Thursday, 08:30-12:30 and
/// 13:30-17:30, 30-minute slots) with the given days off, as a doctor's form would send them.
/// </summary>
public static class DoctorRules
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday"];

    public static object Paris(params string[] daysOff) => Paris(30, daysOff);

    public static object Paris(int slotMinutes, params string[] daysOff) => new
    {
        timeZone = "Europe/Paris",
        slotMinutes,
        weeklyAvailability = Days.SelectMany(day => new[]
        {
            new { day, start = "08:30", end = "12:30" },
            new { day, start = "13:30", end = "17:30" },
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
