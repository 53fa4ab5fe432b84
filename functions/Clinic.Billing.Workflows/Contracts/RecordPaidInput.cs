using Clinic.Platform.Privacy;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>
/// An approved charge of the attempt that holds the pending invoice; no last four digits when the provider
/// named none.
/// </summary>
public sealed record RecordPaidInput(
    string PatientId,
    string InvoiceId,
    string PaymentAttemptId,
    string PaymentReference,
    [property: PaymentData] string? CardLast4);
