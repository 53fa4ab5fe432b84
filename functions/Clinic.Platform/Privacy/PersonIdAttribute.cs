using Microsoft.Extensions.Compliance.Classification;

namespace Clinic.Platform.Privacy;

/// <summary>Marks an id that points at one person; logs carry its keyed-hash pseudonym instead.</summary>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class PersonIdAttribute() : DataClassificationAttribute(ClinicTaxonomy.PersonId);
