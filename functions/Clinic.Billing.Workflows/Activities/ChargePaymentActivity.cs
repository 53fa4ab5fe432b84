using Clinic.Billing.Application;
using Clinic.Billing.Logging;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows.Contracts;
using Microsoft.DurableTask;

namespace Clinic.Billing.Workflows.Activities;

/// <summary>
/// Charges the invoice's amount with the workflow's stable gateway key. A transient failure is thrown, so the
/// orchestrator's retry policy retries it; an open circuit is answered, so the orchestrator waits durably
/// instead of spending its retries against a breaker that refuses every call.
/// </summary>
public sealed class ChargePaymentActivity(InvoiceService invoices, IPaymentGateway gateway, BillingEventLog events)
    : TaskActivity<ChargeInput, GatewayAnswer>
{
    /// <exception cref="TransientPaymentException">No answer from the provider; retried by the policy.</exception>
    public override async Task<GatewayAnswer> RunAsync(TaskActivityContext context, ChargeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var found = await invoices.GetForPatientAsync(input.PatientId, input.InvoiceId, CancellationToken.None);
        if (!found.Succeeded)
            return GatewayAnswer.Decline(found.Failure!.Code);

        var invoice = found.Value!;
        events.PaymentAttempted(invoice, input.PaymentToken);
        try
        {
            var request = new ChargeRequest(invoice.Id, invoice.Amount, input.PaymentToken, input.GatewayKey);
            return GatewayAnswer.From(await gateway.ChargeAsync(request, CancellationToken.None));
        }
        catch (Exception exception) when (GatewayCircuit.IsOpen(exception))
        {
            return GatewayAnswer.CircuitOpen;
        }
        catch (TransientPaymentException)
        {
            events.PaymentInterrupted(invoice);
            throw;
        }
    }
}
