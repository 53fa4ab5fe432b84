using NodaTime;
using NodaTime.Text;

namespace Clinic.Scheduling.Application;

/// <summary>
/// The API's text forms of instants, dates and wall-clock times, parsed and formatted invariantly.
/// </summary>
public static class TimeText
{
    private static readonly InstantPattern Instant = InstantPattern.ExtendedIso;
    private static readonly OffsetDateTimePattern InstantWithOffset = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.GeneralIso;
    private static readonly OffsetPattern UtcOffset = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>
    /// Dates and instants outside these bounds are refused as input: nothing in a clinic's calendar lies
    /// there, and zone arithmetic near the ends of the representable range would overflow.
    /// </summary>
    public static readonly LocalDate EarliestDate = new(1900, 1, 1);

    public static readonly LocalDate LatestDate = new(2200, 12, 31);

    public static string Format(Instant instant) => Instant.Format(instant);

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string FormatLocal(ZonedDateTime zoned) => Local.Format(zoned.LocalDateTime);

    public static string FormatOffset(ZonedDateTime zoned) => UtcOffset.Format(zoned.Offset);

    /// <summary>Accepts <c>2027-03-14T17:00:00Z</c> or the same instant with an explicit offset.</summary>
    public static bool TryParseInstant(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;

        var parsed = InstantWithOffset.Parse(text);
        if (!parsed.Success)
            return false;

        // Bounds first: turning a far-out local time into an instant would overflow.
        var date = parsed.Value.Date;
        if (date < EarliestDate || date > LatestDate)
            return false;

        instant = parsed.Value.ToInstant();
        return true;
    }

    public static bool TryParseDate(string? text, out LocalDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;

        var parsed = LocalDatePattern.Iso.Parse(text);
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success && date >= EarliestDate && date <= LatestDate;
    }
}
