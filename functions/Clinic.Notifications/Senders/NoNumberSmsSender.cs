namespace Clinic.Notifications.Senders;

/// <summary>
/// The SMS sender while Communication Services has no number to send from
/// (<c>Notifications:Acs:FromNumber</c> empty, as a deployment is until an operator buys one): each text
/// message is refused for good as <c>no-from-number</c>, so its delivery is recorded failed and emails still
/// go out. Without it the SMS sender could not be built, and neither could the channel handler that sends
/// email too. The number is read when the app starts.
/// </summary>
internal sealed class NoNumberSmsSender : ISmsSender
{
    public const string Code = "no-from-number";

    public Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Permanent(Code));
}
