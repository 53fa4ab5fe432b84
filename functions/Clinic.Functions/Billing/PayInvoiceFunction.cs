using Clinic.Billing.Application;
using Clinic.Billing.Payments;
using Clinic.Billing.Workflows;
using Clinic.Billing.Workflows.Contracts;
using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Clinic.Functions.Billing;

/// <summary>
/// Starts the payment of the caller's invoice, or joins the one its Idempotency-Key already started, and
/// answers 202 with the invoice as the place to follow it; while a payment under another key is in flight it
/// answers 409 payment-in-progress, and for an invoice that is paid, refunded or void 409 invoice-not-payable
/// (a race that this read misses is refused by the orchestration's first step, which lets one payment at a
/// time hold the invoice and none hold one that is not payable). A failed payment may be paid again. The
/// Durable client is a binding: the Functions host hands it over per call (the extension registers none for
/// injection); the local host binds the client of its in-process Durable host to the same parameter.
/// </summary>
public sealed class PayInvoiceFunction(InvoiceService invoices, IOptions<GatewayRetryOptions> retry)
{
    [Function("PayInvoice")]
    [FunctionAccess(AccessPolicy.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/invoices/{invoiceId}/pay")]
        HttpRequest request,
        string invoiceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);

        var caller = CallerContext.Get(request.HttpContext);

        var input = await ReadInputAsync(request, caller.UserId, invoiceId, cancellationToken);
        if (!input.Succeeded)
            return ApiResults.Problem(request.HttpContext, input.Failure).NoStore();

        // Only the invoice's own patient may start its payment; anyone else learns nothing of it.
        var invoice = await invoices.GetForPatientAsync(caller.UserId, invoiceId, cancellationToken);
        if (!invoice.Succeeded)
            return ApiResults.Problem(request.HttpContext, invoice.Failure).NoStore();

        var attemptId = PaymentOrchestrator.InstanceIdFor(invoiceId, input.Value!.IdempotencyKey);
        if (invoice.Value!.HasPaymentInFlightOtherThan(attemptId))
            return ApiResults.Problem(request.HttpContext, BillingFailures.PaymentInProgress).NoStore();

        // Paid, refunded or void: said now, rather than a 202 for an orchestration that would charge nothing.
        if (!invoice.Value.IsPayableBy(attemptId))
            return ApiResults.Problem(request.HttpContext, BillingFailures.InvoiceNotPayable).NoStore();

        var instanceId = await client.StartOrJoinPaymentAsync(input.Value, cancellationToken);
        return ApiResults.Accepted($"/api/me/invoices/{invoiceId}", new { instanceId, status = "accepted" })
            .NoStore();
    }

    private async Task<Result<PaymentWorkflowInput>> ReadInputAsync(
        HttpRequest request, string patientId, string invoiceId, CancellationToken cancellationToken)
    {
        var keys = request.Headers["Idempotency-Key"];
        if (keys.Count != 1 || string.IsNullOrWhiteSpace(keys[0]))
            return Failure.Validation("Idempotency-Key", "Send one Idempotency-Key per payment attempt.");

        var body = await JsonBody.ReadAsync<PayInvoiceRequest>(request, cancellationToken);
        if (!body.Succeeded)
            return body.Failure;

        var token = body.Value!.PaymentToken;
        if (string.IsNullOrWhiteSpace(token))
            return Failure.Validation("paymentToken", "A payment token is required.");
        if (PaymentTokens.LooksLikeCardNumber(token))
            return BillingFailures.CardNumberRefused;

        return new PaymentWorkflowInput(patientId, invoiceId, token, keys[0]!, retry.Value);
    }
}
