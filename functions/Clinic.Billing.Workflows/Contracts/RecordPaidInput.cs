using Clinic.Platform.Privacy;

namespace Clinic.Billing.Workflows.Contracts;

public sealed record RecordPaidInput(
    string PatientId, string InvoiceId, string PaymentReference, [property: PaymentData] string CardLast4);
