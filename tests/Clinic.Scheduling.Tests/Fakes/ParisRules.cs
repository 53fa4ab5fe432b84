using Clinic.Scheduling.Contracts;

namespace Clinic.Scheduling.Tests.Fakes;

/// <summary>
/// Availability requests built on the rules of the harness's Paris doctor: Monday to Thursday, 08:30-12:30
/// and 13:30-17:30 (or another end of the afternoon), in 30-minute slots.
/// </summary>
internal static class ParisRules
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday"];

    public static UpdateAvailabilityRequest WithDaysOff(params string[] daysOff) => Request("17:30", daysOff);

    public static UpdateAvailabilityRequest Request(string afternoonEnd = "17:30", params string[] daysOff) => new(
        "Europe/Paris",
        30,
        Days.SelectMany(day => new WeeklyPeriodRequest?[]
            {
                new(day, "08:30", "12:30"),
                new(day, "13:30", afternoonEnd),
            })
            .ToList(),
        daysOff);
}
