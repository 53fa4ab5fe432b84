using Microsoft.Extensions.Compliance.Classification;

namespace Clinic.Platform.Privacy;

/// <summary>
/// The data classes of this system. Logging redacts each one: personal and payment data are erased, and
/// identifiers of people are replaced by a keyed hash so records about one person still correlate.
/// </summary>
public static class ClinicTaxonomy
{
    public const string Name = "Clinic";

    /// <summary>Names, emails, phones, birth dates, addresses, free text.</summary>
    public static DataClassification PersonalData { get; } = new(Name, nameof(PersonalData));

    /// <summary>Card tokens, last four digits, amounts tied to a person.</summary>
    public static DataClassification PaymentData { get; } = new(Name, nameof(PaymentData));

    /// <summary>Ids that point at one person (a user id); logged only as a keyed-hash pseudonym.</summary>
    public static DataClassification PersonId { get; } = new(Name, nameof(PersonId));
}
