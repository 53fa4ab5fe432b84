namespace Clinic.Infrastructure.Tests.Support;

/// <summary>What one run of the Bicep compiler returned and printed.</summary>
public sealed record BicepResult(int ExitCode, string Output, string Error)
{
    /// <summary>Everything it printed, for assertion messages.</summary>
    public string Printed => (Output + Error).Trim();
}
