using Clinic.Platform.Privacy;

namespace Clinic.Billing.Application;

/// <summary>An entry of the failed-payments index of one month: where to find the invoice.</summary>
public sealed record FailedPaymentEntry(
    string Month, string InvoiceId, [property: PersonId] string PatientId, DateTimeOffset FailedAt);
