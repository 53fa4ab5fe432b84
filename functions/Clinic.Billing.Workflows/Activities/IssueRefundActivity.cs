using Clinic.Billing.Application;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>
/// Refunds the invoice's charge in full with the workflow's stable gateway key; throws on a transient
/// failure and answers an open circuit, as <see cref="ChargePaymentActivity"/> does.
/// </summary>
public sealed class IssueRefundActivity(InvoiceService invoices, IPaymentGateway gateway)
    : TaskActivity<IssueRefundInput, GatewayAnswer>
{
    /// <exception cref="TransientPaymentException">No answer from the provider; retried by the policy.</exception>
    public override async Task<GatewayAnswer> RunAsync(TaskActivityContext context, IssueRefundInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var found = await invoices.GetForPatientAsync(input.PatientId, input.InvoiceId, CancellationToken.None);
        if (!found.Succeeded)
            return GatewayAnswer.Decline(found.Failure!.Code);

        var invoice = found.Value!;
        if (invoice.PaymentReference is null)
            return GatewayAnswer.Decline("no_payment");

        try
        {
            var request = new RefundRequest(invoice.PaymentReference, invoice.Amount, input.GatewayKey);
            return GatewayAnswer.From(await gateway.RefundAsync(request, CancellationToken.None));
        }
        catch (Exception exception) when (GatewayCircuit.IsOpen(exception))
        {
            return GatewayAnswer.CircuitOpen;
        }
    }
}
