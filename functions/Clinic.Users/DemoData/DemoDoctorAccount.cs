namespace Clinic.Users.DemoData;

/// <summary>A fictional doctor's sign-in account and the scheduling doctor it acts as.</summary>
public sealed record DemoDoctorAccount(string UserId, string DoctorId, string DisplayName);
