using Clinic.Billing.Domain;
using Clinic.Platform.Errors;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>The result of an activity that changed an invoice: its state now, or billing's refusal code.</summary>
public sealed record InvoiceStep(bool Succeeded, InvoiceStatus? Status, string? FailureCode)
{
    public static InvoiceStep From(Result<Invoice> result) =>
        result.Succeeded
            ? new InvoiceStep(true, result.Value!.Status, null)
            : new InvoiceStep(false, null, result.Failure!.Code);
}
