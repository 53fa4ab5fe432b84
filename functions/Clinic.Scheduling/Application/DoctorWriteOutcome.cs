namespace Clinic.Scheduling.Application;

/// <summary>How a conditional replace of a doctor ended.</summary>
public enum DoctorWriteOutcome
{
    Done,

    /// <summary>Someone else wrote the doctor since it was read.</summary>
    Changed,

    /// <summary>The doctor is no longer there.</summary>
    NotFound,
}
