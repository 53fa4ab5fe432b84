using Clinic.Notifications.Senders;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>
/// An email and SMS provider that answers its outcomes in turn, the last one for every later call, and keeps
/// what it was asked to send.
/// </summary>
internal sealed class ScriptedProvider(params SendOutcome[] outcomes) : IEmailSender, ISmsSender
{
    private readonly List<object> _messages = [];

    public int Calls
    {
        get
        {
            lock (_messages)
                return _messages.Count;
        }
    }

    public IReadOnlyList<SmsMessage> TextMessages
    {
        get
        {
            lock (_messages)
                return _messages.OfType<SmsMessage>().ToList();
        }
    }

    public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(message));

    public Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(message));

    private SendOutcome Answer(object message)
    {
        lock (_messages)
        {
            _messages.Add(message);
            return outcomes[Math.Min(_messages.Count, outcomes.Length) - 1];
        }
    }
}
