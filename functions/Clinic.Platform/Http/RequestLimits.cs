namespace Clinic.Platform.Http;

public static class RequestLimits
{
    /// <summary>No request of this API needs more; larger bodies are refused with 413 before parsing.</summary>
    public const int MaxBodyBytes = 64 * 1024;
}
