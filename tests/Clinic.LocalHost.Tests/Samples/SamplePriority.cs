namespace Clinic.LocalHost.Tests.Samples;

public enum SamplePriority
{
    Routine,
    VeryUrgent,
}
