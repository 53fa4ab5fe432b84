namespace Clinic.Users.DemoData;

/// <summary>
/// Fictional accounts for local development and tests; sign in with these user ids in the Static Web Apps
/// CLI's mock form. The doctor accounts mirror the scheduling module's demo doctors (ids and names); the
/// users module does not reference scheduling, so a test keeps the two lists in step.
/// </summary>
public static class UsersDemoData
{
    /// <summary>Recorded as the accounts' provider; caller resolution does not depend on it.</summary>
    public const string IdentityProvider = "demo";

    public const string AdminUserId = "demo-admin";
    public const string AdminDisplayName = "Avery Quinn (demo admin)";

    public const string PatientUserId = "demo-patient";
    public const string PatientDisplayName = "Jordan Rivers (demo patient)";
    public const string PatientEmail = "patient@example.test";

    /// <summary>In the 555-01xx range, which is reserved for fiction.</summary>
    public const string PatientPhone = "+12025550123";

    /// <summary>The doctor account that examples use.</summary>
    public const string DoctorUserId = "demo-doctor-amelia-hart";
    public const string DoctorId = "dr-amelia-hart";

    public static IReadOnlyList<DemoDoctorAccount> DoctorAccounts { get; } =
    [
        new(DoctorUserId, DoctorId, "Dr. Amelia Hart"),
        new("demo-doctor-grace-okafor", "dr-grace-okafor", "Dr. Grace Okafor"),
        new("demo-doctor-rohan-mehta", "dr-rohan-mehta", "Dr. Rohan Mehta"),
        new("demo-doctor-claire-dubois", "dr-claire-dubois", "Dr. Claire Dubois"),
        new("demo-doctor-noah-fischer", "dr-noah-fischer", "Dr. Noah Fischer"),
        new("demo-doctor-kenji-sato", "dr-kenji-sato", "Dr. Kenji Sato"),
        new("demo-doctor-lucia-romero", "dr-lucia-romero", "Dr. Lucia Romero"),
    ];
}
