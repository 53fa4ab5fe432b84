namespace Clinic.LocalHost.Tests.Samples;

/// <summary>A text message with the binding data that came with it.</summary>
public sealed record TextDelivery(
    string Text,
    string Id,
    string PopReceipt,
    int DequeueCount,
    DateTimeOffset? InsertionTime,
    DateTimeOffset? ExpirationTime,
    DateTimeOffset? NextVisibleTime);
