namespace Clinic.Platform.Identity;

/// <summary>The application roles, spelled as Static Web Apps and the users table carry them.</summary>
public static class Roles
{
    public const string Patient = "patient";
    public const string Doctor = "doctor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Patient, Doctor, Admin];
}
