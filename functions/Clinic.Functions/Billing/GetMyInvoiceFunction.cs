using Clinic.Billing.Application;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Billing;

public sealed class GetMyInvoiceFunction(InvoiceService invoices)
{
    [Function("GetMyInvoice")]
    [FunctionAccess(AccessPolicy.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/invoices/{invoiceId}")]
        HttpRequest request,
        string invoiceId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = CallerContext.Get(request.HttpContext);

        var result = await invoices.GetForPatientAsync(caller.UserId, invoiceId, cancellationToken);
        return result.ToApiResult(
            request.HttpContext, invoice => ApiResults.Ok(InvoiceResponse.From(invoice))).NoStore();
    }
}
