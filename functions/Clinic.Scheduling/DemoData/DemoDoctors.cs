using Clinic.Scheduling.Domain;
using NodaTime;

namespace Clinic.Scheduling.DemoData;

/// <summary>
/// Fictional doctors for local development and tests, chosen to cover zones with and without DST
/// (New York, Los Angeles, Paris, Berlin against Kolkata and Tokyo) and a night shift that DST changes cross.
/// </summary>
public static class DemoDoctors
{
    public static IReadOnlyList<Doctor> All { get; } =
    [
        Create("dr-amelia-hart", "Dr. Amelia Hart", "Cardiology", "America/New_York", 30,
            Weekdays(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, (9, 0, 17, 0))),
        Create("dr-grace-okafor", "Dr. Grace Okafor", "Telehealth night clinic", "America/New_York", 30,
            Weekdays(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, (0, 0, 6, 0))),
        Create("dr-rohan-mehta", "Dr. Rohan Mehta", "Dermatology", "Asia/Kolkata", 20,
            Weekdays(IsoDayOfWeek.Monday, IsoDayOfWeek.Saturday, (10, 0, 13, 0), (14, 0, 18, 0))),
        Create("dr-claire-dubois", "Dr. Claire Dubois", "Paediatrics", "Europe/Paris", 30,
            Weekdays(IsoDayOfWeek.Monday, IsoDayOfWeek.Thursday, (8, 30, 12, 30), (13, 30, 17, 30))),
        Create("dr-noah-fischer", "Dr. Noah Fischer", "Orthopaedics", "Europe/Berlin", 30,
            Weekdays(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, (8, 0, 16, 0)),
            daysOff: [new LocalDate(2027, 12, 24), new LocalDate(2027, 12, 31)]),
        Create("dr-kenji-sato", "Dr. Kenji Sato", "General practice", "Asia/Tokyo", 30,
            Weekdays(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, (9, 0, 12, 0), (13, 0, 18, 0))),
        Create("dr-lucia-romero", "Dr. Lucia Romero", "Neurology", "America/Los_Angeles", 45,
            Weekdays(IsoDayOfWeek.Tuesday, IsoDayOfWeek.Saturday, (7, 30, 15, 0))),
    ];

    private static Doctor Create(
        string id,
        string name,
        string specialty,
        string zone,
        int slotMinutes,
        List<WeeklyAvailability> rules,
        LocalDate[]? daysOff = null) =>
        new(id, name, specialty, DateTimeZoneProviders.Tzdb[zone], Duration.FromMinutes(slotMinutes), rules,
            (daysOff ?? []).ToHashSet());

    private static List<WeeklyAvailability> Weekdays(
        IsoDayOfWeek first, IsoDayOfWeek last, params (int H1, int M1, int H2, int M2)[] periods)
    {
        var rules = new List<WeeklyAvailability>();
        for (var day = first; day <= last; day++)
        {
            foreach (var (h1, m1, h2, m2) in periods)
            {
                rules.Add(
                    new WeeklyAvailability(day, new LocalTime(h1, m1), new LocalTime(h2, m2)).Validate());
            }
        }

        return rules;
    }
}
