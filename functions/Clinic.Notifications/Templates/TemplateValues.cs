using System.Globalization;
using Clinic.Notifications.Content;
using NodaTime;

namespace Clinic.Notifications.Templates;

/// <summary>
/// The strings a template sees. Dates and times are formatted here, in the patient's zone and the culture of
/// the resolved locale, so templates only place them: <c>start_date</c> (long date), <c>start_date_short</c>,
/// <c>start_time</c>, <c>start_zone</c> (the zone's abbreviation at that instant, such as CEST),
/// <c>time_range</c>, <c>zone</c> (the IANA id), the same <c>previous_start_…</c> values for a reschedule
/// (empty otherwise), and <c>clinic</c>, <c>doctor</c>, <c>patient</c>, <c>appointment_id</c>,
/// <c>portal_url</c> (empty when none is configured).
/// </summary>
internal static class TemplateValues
{
    public static Dictionary<string, string> From(
        NotificationContent content, CultureInfo culture, string portalUrl)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(content.TimeZoneId)
            ?? throw new ArgumentException(
                $"'{content.TimeZoneId}' is not an IANA time zone id.", nameof(content));
        var start = content.Start.InZone(zone);
        var end = content.End.InZone(zone);

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["clinic"] = content.ClinicName,
            ["doctor"] = content.DoctorDisplayName,
            ["patient"] = content.PatientDisplayName?.Trim() ?? "",
            ["appointment_id"] = content.AppointmentId,
            ["portal_url"] = portalUrl,
            ["zone"] = zone.Id.Replace('_', ' '),
            ["time_range"] = TimeRange(start, end, culture),
        };

        AddMoment(values, "start", start, culture);
        AddMoment(values, "previous_start", content.PreviousStart?.InZone(zone), culture);
        return values;
    }

    private static void AddMoment(
        Dictionary<string, string> values, string prefix, ZonedDateTime? moment, CultureInfo culture)
    {
        values[$"{prefix}_date"] = Format(moment, m => m.Date.ToString("D", culture));
        values[$"{prefix}_date_short"] = Format(moment, m => m.Date.ToString("d", culture));
        values[$"{prefix}_time"] = Format(moment, m => m.TimeOfDay.ToString("t", culture));
        values[$"{prefix}_zone"] = Format(moment, m => m.GetZoneInterval().Name);
    }

    private static string Format(ZonedDateTime? moment, Func<ZonedDateTime, string> format) =>
        moment is { } value ? Clean(format(value)) : "";

    // Both ends carry the zone's abbreviation only when they differ, which happens when a DST change falls
    // inside the appointment.
    private static string TimeRange(ZonedDateTime start, ZonedDateTime end, CultureInfo culture)
    {
        var startZone = start.GetZoneInterval().Name;
        var endZone = end.GetZoneInterval().Name;

        return startZone == endZone
            ? $"{Time(start, culture)} – {Time(end, culture)} {startZone}"
            : $"{Time(start, culture)} {startZone} – {Time(end, culture)} {endZone}";
    }

    private static string Time(ZonedDateTime moment, CultureInfo culture) =>
        Clean(moment.TimeOfDay.ToString("t", culture));

    // Culture data puts no-break spaces in some formats (en-US "3:00 PM" has a narrow one); they are not in
    // the GSM-7 alphabet and would turn a whole text message into UCS-2.
    private static string Clean(string formatted) =>
        formatted.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
