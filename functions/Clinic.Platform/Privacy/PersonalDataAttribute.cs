using Microsoft.Extensions.Compliance.Classification;

namespace Clinic.Platform.Privacy;

/// <summary>
/// Marks personal data (names, contact details, birth dates, free text). Such values stay in storage and in
/// responses to their owner or an admin; any that reaches a log is erased by redaction.
/// </summary>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class PersonalDataAttribute() : DataClassificationAttribute(ClinicTaxonomy.PersonalData);
