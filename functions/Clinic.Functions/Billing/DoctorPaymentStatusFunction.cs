using Clinic.Billing.Application;
using Clinic.Platform.Errors;
using Clinic.Platform.Http;
using Clinic.Platform.Identity;
using Clinic.Scheduling.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Clinic.Functions.Billing;

/// <summary>
/// The payment state of each appointment of a doctor's day: whether it is paid, never how or how much. The
/// day comes from scheduling, each state from billing's invoice of that appointment.
/// </summary>
public sealed class DoctorPaymentStatusFunction(DoctorDayQuery day, InvoiceService invoices)
{
    [Function("GetDoctorPaymentStatuses")]
    [FunctionAccess(AccessPolicy.Doctor)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "doctors/{doctorId}/payments")]
        HttpRequest request,
        string doctorId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var caller = CallerContext.Get(request.HttpContext);
        if (!caller.IsAdmin && caller.DoctorId != doctorId)
        {
            return ApiResults.Problem(request.HttpContext, Failure.Forbidden("Doctors see their own payments only."))
                .NoStore();
        }

        var appointments = await day.GetAsync(
            doctorId, request.Query["date"], cancellationToken, fromStorage: true);
        if (!appointments.Succeeded)
            return ApiResults.Problem(request.HttpContext, appointments.Failure).NoStore();

        var reads = appointments.Value!.Appointments.Select(entry =>
            invoices.PaymentStatusForDoctorAsync(doctorId, entry.AppointmentId, cancellationToken));
        var statuses = (await Task.WhenAll(reads))
            .Where(status => status.Succeeded)
            .Select(status => new DoctorPaymentStatusResponse(status.Value!.AppointmentId,
                status.Value.InvoiceId, InvoiceResponse.StatusText(status.Value.Status)))
            .ToList();
        return ApiResults.Ok(new { doctorId, date = appointments.Value.Date, payments = statuses }).NoStore();
    }
}
