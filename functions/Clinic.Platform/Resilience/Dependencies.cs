namespace Clinic.Platform.Resilience;

/// <summary>Names of the outbound dependencies, each with its own resilience pipeline and circuit.</summary>
public static class Dependencies
{
    public const string Storage = "Storage";

    public const string KeyVault = "KeyVault";
}
