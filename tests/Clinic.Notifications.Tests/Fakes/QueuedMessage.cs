namespace Clinic.Notifications.Tests.Fakes;

/// <summary>A message as handed to the queue: where, what, and after how long it becomes visible.</summary>
internal sealed record QueuedMessage(string Queue, object Message, TimeSpan? Delay);
