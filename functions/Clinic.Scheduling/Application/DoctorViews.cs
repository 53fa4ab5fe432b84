using System.Globalization;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;
using NodaTime.Text;

namespace Clinic.Scheduling.Application;

internal static class DoctorViews
{
    private static readonly LocalTimePattern TimeOfDay = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static DoctorResponse ToResponse(Doctor doctor) =>
        new(doctor.Id, doctor.DisplayName, doctor.Specialty, doctor.TimeZone.Id);

    public static VersionedAvailability ToAvailability(StoredDoctor stored)
    {
        var doctor = stored.Doctor;
        var response = new DoctorAvailabilityResponse(
            doctor.Id,
            doctor.TimeZone.Id,
            (int)doctor.SlotLength.TotalMinutes,
            doctor.WeeklyAvailability
                .OrderBy(period => period.Day)
                .ThenBy(period => period.Start)
                .Select(period => new WeeklyPeriodResponse(
                    period.Day.ToString(), TimeOfDay.Format(period.Start), TimeOfDay.Format(period.End)))
                .ToList(),
            doctor.DaysOff.Order().Select(TimeText.Format).ToList());
        return new VersionedAvailability(response, ETagOf(stored));
    }

    /// <summary>A strong entity tag, quoted as HTTP wants it, that changes with every availability change.
    /// </summary>
    public static string ETagOf(StoredDoctor stored) =>
        string.Create(CultureInfo.InvariantCulture, $"\"v{stored.AvailabilityVersion}\"");
}
