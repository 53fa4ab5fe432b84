using Clinic.Platform.Errors;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Clinic.Scheduling.Application;

/// <summary>
/// Free slots of a doctor over local dates: the weekly rules, less days off and held slots.
/// </summary>
public sealed class SlotSearch(
    DoctorDirectory doctors,
    IAppointmentStore appointments,
    IClock clock,
    IOptions<SchedulingOptions> options)
{
    public async Task<Result<SlotsResponse>> FindAsync(
        string doctorId, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!SchedulingIds.IsDoctorId(doctorId))
            errors.Add("doctorId", "Not a doctor id.");
        if (!TimeText.TryParseDate(from, out var fromDate))
            errors.Add("from", "Give a date as yyyy-MM-dd.");
        if (!TimeText.TryParseDate(to, out var toDate))
            errors.Add("to", "Give a date as yyyy-MM-dd.");
        if (errors.IsEmpty)
            CheckRange(fromDate, toDate, errors);
        if (!errors.IsEmpty)
            return errors.ToFailure();

        var doctor = await doctors.FindAsync(doctorId, cancellationToken);
        if (doctor is null)
            return SchedulingFailures.DoctorNotFound;

        var slots = await FreeSlotsAsync(doctor, fromDate, toDate, cancellationToken);
        return new SlotsResponse(
            doctor.Id, doctor.TimeZone.Id, TimeText.Format(fromDate), TimeText.Format(toDate), slots);
    }

    private async Task<List<SlotResponse>> FreeSlotsAsync(
        Doctor doctor, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        var earliest = clock.GetCurrentInstant() + options.Value.Notice;
        var candidates = SlotCalendar.Between(doctor, from, to)
            .Where(slot => slot.Start >= earliest)
            .ToList();
        if (candidates.Count == 0)
            return [];

        var held = await appointments.ListBookedAsync(
            doctor.Id, candidates[0].Start, candidates[^1].End, cancellationToken);
        var heldStarts = held.Select(slot => slot.Start).ToHashSet();

        return candidates.Where(slot => !heldStarts.Contains(slot.Start)).Select(ToResponse).ToList();
    }

    private void CheckRange(LocalDate from, LocalDate to, FieldErrors errors)
    {
        if (to < from)
            errors.Add("to", "Must not be before from.");
        else if (Period.Between(from, to, PeriodUnits.Days).Days + 1 > options.Value.MaxSearchDays)
            errors.Add("to", $"A search covers at most {options.Value.MaxSearchDays} days.");
    }

    private static SlotResponse ToResponse(Slot slot) => new(
        TimeText.Format(slot.Start),
        TimeText.Format(slot.End),
        TimeText.FormatLocal(slot.LocalStart),
        TimeText.FormatOffset(slot.LocalStart),
        slot.LocalStart.Zone.Id);
}
