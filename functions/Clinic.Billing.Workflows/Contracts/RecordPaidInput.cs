using Clinic.Platform.Privacy;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>An approved charge of the attempt that holds the pending invoice.</summary>
public sealed record RecordPaidInput(
    string PatientId,
    string InvoiceId,
    string PaymentAttemptId,
    string PaymentReference,
    [property: PaymentData] string CardLast4);
