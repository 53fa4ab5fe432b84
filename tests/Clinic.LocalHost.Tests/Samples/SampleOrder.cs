namespace Clinic.LocalHost.Tests.Samples;

/// <summary>
/// A message body read as JSON in the app's conventions: camelCase, enums as kebab-case strings.
/// </summary>
public sealed record SampleOrder(string OrderId, int Quantity, SamplePriority Priority);
