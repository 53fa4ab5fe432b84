using Clinic.Billing.Domain;
using Microsoft.Extensions.Logging;

namespace Clinic.Billing.Workflows;

/// <summary>
/// Billing workflow events, ids 4030-4039 (inside billing's plain range): ids and codes only. Orchestrators
/// write them through the replay-safe logger, so a replay does not repeat them.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(4030, LogLevel.Warning,
        "{Step} of invoice {InvoiceId} found the provider's circuit open; waiting {Wait} "
        + "(wait {WaitNumber} of {MaxWaits})",
        EventName = "GatewayCircuitOpenWait")]
    public static partial void GatewayCircuitOpenWait(
        ILogger logger, string step, string invoiceId, TimeSpan wait, int waitNumber, int maxWaits);

    [LoggerMessage(4031, LogLevel.Warning,
        "{Step} of invoice {InvoiceId} gave up: {FailureCode} after {ErrorType}",
        EventName = "GatewayGaveUp")]
    public static partial void GatewayGaveUp(
        ILogger logger, string step, string invoiceId, string failureCode, string errorType);

    [LoggerMessage(4032, LogLevel.Information,
        "Settlement of invoice {InvoiceId} found it {Status}; reading it again in {Wait} (round {Round})",
        EventName = "SettlementWaiting")]
    public static partial void SettlementWaiting(
        ILogger logger, string invoiceId, InvoiceStatus status, TimeSpan wait, int round);

    [LoggerMessage(4033, LogLevel.Error,
        "Settlement of invoice {InvoiceId} gave up with the invoice {Status} after {Rounds} rounds",
        EventName = "SettlementGaveUp")]
    public static partial void SettlementGaveUp(ILogger logger, string invoiceId, InvoiceStatus status, int rounds);

    [LoggerMessage(4034, LogLevel.Warning,
        "The patient of invoice {InvoiceId} could not be told that its payment failed ({ErrorType})",
        EventName = "PaymentFailureNotNotified")]
    public static partial void PatientNotNotified(ILogger logger, string invoiceId, string errorType);

    [LoggerMessage(4035, LogLevel.Warning,
        "Settlement of cancelled appointment {AppointmentId} was not started at once ({ErrorType}); billing's queue "
        + "of appointment changes starts it",
        EventName = "SettlementStartDeferred")]
    public static partial void SettlementStartDeferred(ILogger logger, string appointmentId, string errorType);

    [LoggerMessage(4036, LogLevel.Information,
        "Payment of invoice {InvoiceId} was not started: {FailureCode}",
        EventName = "PaymentNotStarted")]
    public static partial void PaymentNotStarted(ILogger logger, string invoiceId, string failureCode);

    [LoggerMessage(4037, LogLevel.Warning,
        "Payment of invoice {InvoiceId} is still processing at the provider; asking again in {Wait} "
        + "(poll {Poll} of {MaxPolls})",
        EventName = "PaymentOutcomePending")]
    public static partial void PaymentOutcomePending(
        ILogger logger, string invoiceId, TimeSpan wait, int poll, int maxPolls);

    [LoggerMessage(4038, LogLevel.Error,
        "Payment of invoice {InvoiceId} has no outcome from the provider after {Polls} polls; "
        + "the invoice stays pending for staff to reconcile",
        EventName = "PaymentOutcomeUnknown")]
    public static partial void PaymentOutcomeUnknown(ILogger logger, string invoiceId, int polls);
}
