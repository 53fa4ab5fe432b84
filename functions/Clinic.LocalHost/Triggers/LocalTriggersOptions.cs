namespace Clinic.LocalHost.Triggers;

/// <summary>Whether the local host runs queue- and timer-triggered functions at all.</summary>
public sealed class LocalTriggersOptions
{
    public const string SectionName = "LocalHost:Triggers";

    /// <summary>
    /// On by default, so the local host runs the app as Azure does; off for HTTP-only runs.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
