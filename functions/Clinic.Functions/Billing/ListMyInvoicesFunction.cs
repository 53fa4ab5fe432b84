using Clinic.Billing.Application;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Billing;

public sealed class ListMyInvoicesFunction(InvoiceService invoices)
{
    [Function("ListMyInvoices")]
    [FunctionAccess(AccessPolicy.Owner)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/invoices")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = CallerContext.Get(request.HttpContext);

        var listed = await invoices.ListForPatientAsync(caller.UserId, cancellationToken);
        return ApiResults.Ok(new { invoices = listed.Select(InvoiceResponse.From).ToList() }).NoStore();
    }
}
