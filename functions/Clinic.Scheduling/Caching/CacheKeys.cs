using NodaTime;

namespace Clinic.Scheduling.Caching;

/// <summary>
/// Keys and tags of scheduling's cache entries. A doctor's entries carry <c>doctor:{id}</c>; a day's entry
/// also carries <c>doctor-day:{id}:{yyyy-MM-dd}</c> (the doctor's local date), so a change of one appointment
/// invalidates its day only, and a change of the doctor invalidates everything of that doctor.
/// </summary>
internal static class CacheKeys
{
    public const string DoctorsTag = "doctors";

    public static CacheEntry DoctorList { get; } =
        new("scheduling:doctors", [DoctorsTag], CacheViews.DoctorList);

    public static string DoctorTag(string doctorId) => $"doctor:{doctorId}";

    public static string DayTag(string doctorId, LocalDate day) =>
        $"doctor-day:{doctorId}:{DayText(day)}";

    /// <summary>A doctor's profile and rules: memory only (Redis cannot serialize their zones).</summary>
    public static CacheEntry Doctor(string doctorId) =>
        new($"scheduling:doctor:{doctorId}", [DoctorTag(doctorId)], CacheViews.Doctor, Distributed: false);

    /// <summary>The slots a doctor's rules offer on a day: derived, formatted, kept in memory only.</summary>
    public static CacheEntry Offer(string doctorId, LocalDate day) =>
        new($"scheduling:offer:{doctorId}:{DayText(day)}", [DoctorTag(doctorId)], CacheViews.SlotOffers,
            Distributed: false);

    /// <summary>
    /// The free slots of a search range: derived from the day entries and kept in memory only, tagged with
    /// every day of the range, so a change of any of those days drops it.
    /// </summary>
    public static CacheEntry FreeSlots(string doctorId, LocalDate from, LocalDate to)
    {
        var tags = new List<string> { DoctorTag(doctorId) };
        for (var day = from; day <= to; day = day.PlusDays(1))
            tags.Add(DayTag(doctorId, day));

        return new CacheEntry(
            $"scheduling:slots:{doctorId}:{DayText(from)}:{DayText(to)}", [.. tags], CacheViews.Slots,
            Distributed: false);
    }

    public static CacheEntry Day(string doctorId, LocalDate day, string view) =>
        new(DayKey(doctorId, day), [DoctorTag(doctorId), DayTag(doctorId, day)], view);

    // The same text as TimeText.Format, without a pattern: keys are built on every lookup.
    private static string DayText(LocalDate day) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}");

    public static string DayKey(string doctorId, LocalDate day) =>
        $"scheduling:day:{doctorId}:{DayText(day)}";
}
