namespace Clinic.Notifications.Deliveries;

/// <summary>
/// A message that could not be delivered, kept for administrators: the queue it came from and its body as it
/// was (ids and times only; queue messages never carry personal data).
/// </summary>
public sealed record DeadLetter(string Id, string SourceQueue, string Body, DateTimeOffset DeadLetteredAt);
