using System.Globalization;
using Clinic.Billing.Application;
using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Platform.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Billing;

/// <summary>
/// Invoices whose payment failed in a month (UTC; this month unless <c>?month=YYYY-MM</c>), for administrators
/// following up the PaymentFailed alerts. No card data: invoices carry none but the last four digits of paid ones.
/// Patients appear by pseudonym only, the one the admin users list shows.
/// </summary>
public sealed class ListFailedPaymentsFunction(
    InvoiceService invoices, Pseudonymizer pseudonyms, TimeProvider time)
{
    [Function("ListFailedPayments")]
    [FunctionAccess(AccessPolicy.Admin)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/payments/failed")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var month = ReadMonth(request.Query["month"]);
        if (!month.Succeeded)
            return ApiResults.Problem(request.HttpContext, month.Failure).NoStore();

        var (year, number) = month.Value;
        var failed = await invoices.ListFailedPaymentsAsync(year, number, cancellationToken);
        return ApiResults.Ok(new
        {
            month = $"{year:D4}-{number:D2}",
            invoices = failed.Select(invoice => FailedPaymentResponse.From(invoice, pseudonyms)).ToList(),
        }).NoStore();
    }

    private Result<(int Year, int Month)> ReadMonth(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            var now = time.GetUtcNow();
            return (now.Year, now.Month);
        }

        return DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var parsed) && parsed.Year is >= 2000 and <= 2200
            ? (parsed.Year, parsed.Month)
            : Failure.Validation("month", "Give the month as YYYY-MM.");
    }
}
