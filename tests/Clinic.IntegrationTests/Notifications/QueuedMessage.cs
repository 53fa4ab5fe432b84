namespace Clinic.IntegrationTests.Notifications;

/// <summary>A message as the app queued it: where, what, and after how long it becomes visible.</summary>
internal sealed record QueuedMessage(string Queue, object Message, TimeSpan? Delay);
