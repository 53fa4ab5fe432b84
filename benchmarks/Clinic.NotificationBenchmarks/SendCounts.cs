namespace Clinic.NotificationBenchmarks;

/// <summary>
/// The sends one variant's senders were asked for, and how many of them are still under way; queue handlers
/// add to it side by side.
/// </summary>
internal sealed class SendCounts
{
    private int _emails;
    private int _textMessages;
    private int _underway;

    public int Emails => Volatile.Read(ref _emails);

    public int TextMessages => Volatile.Read(ref _textMessages);

    public int Underway => Volatile.Read(ref _underway);

    public void AddEmail()
    {
        Interlocked.Increment(ref _underway);
        Interlocked.Increment(ref _emails);
    }

    public void AddTextMessage()
    {
        Interlocked.Increment(ref _underway);
        Interlocked.Increment(ref _textMessages);
    }

    public void Finish() => Interlocked.Decrement(ref _underway);
}
