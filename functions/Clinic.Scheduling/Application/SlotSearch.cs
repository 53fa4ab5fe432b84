using Clinic.Platform.Errors;
using Clinic.Scheduling.Caching;
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
    DaySchedules schedules,
    SchedulingCache cache,
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
        // The notice period depends on the time, so it is applied to every answer, cached or not. A range read
        // a moment ago holds every slot that is bookable now, since the earliest bookable instant only grows.
        var earliest = clock.GetCurrentInstant() + options.Value.Notice;
        var free = await cache.GetAsync(
            CacheKeys.FreeSlots(doctor.Id, from, to),
            token => ReadFreeSlotsAsync(doctor, from, to, earliest, token),
            slots => slots.EstimatedBytes,
            cancellationToken);

        return free.Slots
            .Where(slot => slot.Start >= earliest)
            .Select(slot => slot.Response)
            .ToList();
    }

    // One range from the per-day entries: what the rules offer, less what is held, each day cached on its own,
    // so a change of one day recomputes the range from the other days' entries.
    private async Task<FreeSlots> ReadFreeSlotsAsync(
        Doctor searched, LocalDate from, LocalDate to, Instant earliest, CancellationToken cancellationToken)
    {
        if (await RulesWithinThisReadAsync(searched, cancellationToken) is not { } doctor)
            return FreeSlots.None;

        var offers = await OffersAsync(doctor, from, to, earliest, cancellationToken);
        var candidates = offers
            .SelectMany(offer => offer.Offer.Slots.Select(slot => (offer.Day, Slot: slot)))
            .Where(candidate => candidate.Slot.Start >= earliest)
            .ToList();
        if (candidates.Count == 0)
            return FreeSlots.None;

        var days = candidates.Select(candidate => candidate.Day).Distinct().ToList();
        var held = await schedules.GetAsync(doctor, days, CacheViews.SlotDays, cancellationToken);

        // Every slot of a doctor starts on one grid with one length (SlotCalendar), whatever the rules were
        // when it was booked: a held slot overlaps an offered one only by starting at the same instant.
        var heldStarts = held.SelectMany(day => day.Slots).Select(slot => slot.Start).ToHashSet();

        return new FreeSlots(candidates
            .Where(candidate => !heldStarts.Contains(candidate.Slot.Start))
            .Select(candidate => candidate.Slot)
            .ToList());
    }

    // What the rules offer on each day that can still have a bookable slot, formatted once and cached.
    private async Task<(LocalDate Day, DayOffer Offer)[]> OffersAsync(
        Doctor doctor, LocalDate from, LocalDate to, Instant earliest, CancellationToken cancellationToken)
    {
        // A day that ended before the earliest bookable instant offers nothing.
        var first = LocalDate.Max(from, earliest.InZone(doctor.TimeZone).Date.PlusDays(-1));
        var reads = new List<Task<(LocalDate, DayOffer)>>();
        for (var day = first; day <= to; day = day.PlusDays(1))
        {
            if (doctor.DaysOff.Contains(day) || doctor.WeeklyAvailability.All(p => p.Day != day.DayOfWeek))
                continue;

            var date = day;
            reads.Add(OfferAsync(doctor, date, cancellationToken));
        }

        return await Task.WhenAll(reads);
    }

    private async Task<(LocalDate, DayOffer)> OfferAsync(
        Doctor doctor, LocalDate day, CancellationToken cancellationToken)
    {
        var offer = await cache.GetAsync(
            CacheKeys.Offer(doctor.Id, day),
            token => ReadOfferAsync(doctor, day, token),
            offer => offer.EstimatedBytes,
            cancellationToken);
        return (day, offer);
    }

    private async Task<DayOffer> ReadOfferAsync(Doctor searched, LocalDate day, CancellationToken token) =>
        await RulesWithinThisReadAsync(searched, token) is { } doctor
            ? new DayOffer(SlotCalendar.Between(doctor, day, day)
                .Select(slot => new OfferedSlot(slot.Start, ToResponse(slot)))
                .ToList())
            : new DayOffer([]);

    // A cached entry built on the doctor's rules reads them within its own read (a cache hit, nearly always):
    // rules read before that read began could predate an invalidation its stamp does not cover. Without the
    // cache there is no entry to protect, and the searched doctor is current enough.
    private Task<Doctor?> RulesWithinThisReadAsync(Doctor searched, CancellationToken token) =>
        cache.Enabled ? doctors.FindAsync(searched.Id, token) : Task.FromResult<Doctor?>(searched);

    // Dates are bounded near today, not only by the calendar: every searched day becomes a cache tag, and
    // tags that anyone could mint by the thousand would outgrow the cache's memory bound.
    private void CheckRange(LocalDate from, LocalDate to, FieldErrors errors)
    {
        // A doctor's local date may be a day behind UTC's, so the earliest bookable day is searchable from the
        // day before it.
        var now = clock.GetCurrentInstant();
        var today = now.InUtc().Date;
        var earliest = (now + options.Value.Notice).InUtc().Date.PlusDays(-1);
        var ahead = options.Value.MaxDaysAhead;
        if (from < earliest)
            errors.Add("from", $"Search from {TimeText.Format(earliest)} on: earlier slots cannot be booked.");
        if (to > today.PlusDays(ahead))
            errors.Add("to", $"Search at most {ahead} days ahead.");
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
