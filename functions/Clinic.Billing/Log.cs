using Microsoft.Extensions.Logging;

namespace Clinic.Billing;

/// <summary>
/// Billing's plain events, ids 4001-4049: invoice, appointment and doctor ids and outcome codes only. Their
/// amounts, tokens, card digits and patients go in the encrypted twins (<see cref="Logging.BillingEvents"/>).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information,
        "Invoice {InvoiceId} issued for appointment {AppointmentId} with doctor {DoctorId}",
        EventName = "InvoiceCreated")]
    public static partial void InvoiceCreated(
        ILogger logger, string invoiceId, string appointmentId, string doctorId);

    [LoggerMessage(4002, LogLevel.Information, "Invoice {InvoiceId} of appointment {AppointmentId} voided",
        EventName = "InvoiceVoided")]
    public static partial void InvoiceVoided(ILogger logger, string invoiceId, string appointmentId);

    [LoggerMessage(4003, LogLevel.Information, "Payment of invoice {InvoiceId} attempted",
        EventName = "PaymentAttempted")]
    public static partial void PaymentAttempted(ILogger logger, string invoiceId);

    [LoggerMessage(4004, LogLevel.Information, "Payment of invoice {InvoiceId} succeeded",
        EventName = "PaymentSucceeded")]
    public static partial void PaymentSucceeded(ILogger logger, string invoiceId);

    [LoggerMessage(4005, LogLevel.Information, "Payment of invoice {InvoiceId} failed: {OutcomeCode}",
        EventName = "PaymentFailed")]
    public static partial void PaymentFailed(ILogger logger, string invoiceId, string outcomeCode);

    [LoggerMessage(4006, LogLevel.Warning,
        "Payment of invoice {InvoiceId} interrupted by a transient gateway failure; it may be retried",
        EventName = "PaymentInterrupted")]
    public static partial void PaymentInterrupted(ILogger logger, string invoiceId);

    [LoggerMessage(4007, LogLevel.Information, "Refund of invoice {InvoiceId} requested",
        EventName = "RefundRequested")]
    public static partial void RefundRequested(ILogger logger, string invoiceId);

    [LoggerMessage(4008, LogLevel.Information, "Refund of invoice {InvoiceId} issued",
        EventName = "RefundIssued")]
    public static partial void RefundIssued(ILogger logger, string invoiceId);

    [LoggerMessage(4009, LogLevel.Warning, "Refund of invoice {InvoiceId} refused: {OutcomeCode}",
        EventName = "RefundFailed")]
    public static partial void RefundFailed(ILogger logger, string invoiceId, string outcomeCode);

    [LoggerMessage(4010, LogLevel.Information,
        "Update of invoice {InvoiceId} lost to concurrent writes; the request was refused",
        EventName = "InvoiceUpdateConflict")]
    public static partial void InvoiceUpdateConflict(ILogger logger, string invoiceId);

    [LoggerMessage(4011, LogLevel.Information,
        "Invoice {InvoiceId} of appointment {AppointmentId} was already issued; returned as it is",
        EventName = "InvoiceReplayed")]
    public static partial void InvoiceReplayed(ILogger logger, string invoiceId, string appointmentId);

    [LoggerMessage(4012, LogLevel.Warning,
        "Invoice of appointment {AppointmentId} was not issued: {OutcomeCode}",
        EventName = "InvoiceNotIssued")]
    public static partial void InvoiceNotIssued(ILogger logger, string appointmentId, string outcomeCode);

    [LoggerMessage(4013, LogLevel.Information,
        "Invoice {InvoiceId} of appointment {AppointmentId} is void, its appointment cancelled; not issued again",
        EventName = "InvoiceLeftVoid")]
    public static partial void InvoiceLeftVoid(ILogger logger, string invoiceId, string appointmentId);

    [LoggerMessage(4020, LogLevel.Information, "Seeded {Count} demo doctor fees",
        EventName = "DemoFeesSeeded")]
    public static partial void DemoFeesSeeded(ILogger logger, int count);
}
