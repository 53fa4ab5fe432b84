using Microsoft.Extensions.Compliance.Classification;

namespace Clinic.Platform.Privacy;

/// <summary>Marks payment data; any that reaches a log is erased by redaction.</summary>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class PaymentDataAttribute() : DataClassificationAttribute(ClinicTaxonomy.PaymentData);
