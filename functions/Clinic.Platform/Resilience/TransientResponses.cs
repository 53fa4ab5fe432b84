using Azure;

namespace Clinic.Platform.Resilience;

/// <summary>
/// What is worth retrying: timeouts, throttling and server errors, never a refusal of the request.
/// </summary>
public static class TransientResponses
{
    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status == 0 || IsTransientStatus(failed.Status),
        HttpRequestException or IOException or TimeoutException => true,
        TaskCanceledException canceled => canceled.InnerException is TimeoutException,
        _ => false,
    };
}
