namespace Clinic.Platform.Privacy;

/// <summary>
/// Marks a property that holds personal data (names, contact details). Such values stay in storage and in
/// responses to their owner or an admin; they are never logged. The observability work is to map this marker
/// onto a data classification for redaction.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class PersonalDataAttribute : Attribute;
