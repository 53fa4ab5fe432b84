namespace Clinic.LocalHost.Tests.Samples;

/// <summary>One run of a function on a message: which attempt, when, and whether it succeeded.</summary>
public sealed record Attempt(string Message, long DequeueCount, DateTimeOffset At, bool Succeeded);
