namespace Clinic.Scheduling.Contracts;

public sealed record SlotsResponse(
    string DoctorId, string TimeZone, string From, string To, IReadOnlyList<SlotResponse> Slots);
