namespace Clinic.Scheduling.Storage;

/// <summary>The tables of scheduling; their design is described in docs/architecture.md.</summary>
internal static class SchedulingTables
{
    public const string Doctors = "Doctors";
    public const string Appointments = "Appointments";
    public const string PatientAppointments = "PatientAppointments";
}
