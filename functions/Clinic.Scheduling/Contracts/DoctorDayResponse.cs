namespace Clinic.Scheduling.Contracts;

/// <summary>The doctor dashboard's data: one local day of booked appointments, in start order.</summary>
public sealed record DoctorDayResponse(
    string DoctorId, string Date, string TimeZone, IReadOnlyList<DoctorDayEntry> Appointments);
