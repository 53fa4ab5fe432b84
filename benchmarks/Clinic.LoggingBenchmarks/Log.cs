using Microsoft.Extensions.Logging;

namespace Clinic.LoggingBenchmarks;

/// <summary>The plain baseline: the same event with its fields as they would be logged unencrypted.</summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information,
        "Invoice {InvoiceId} of {PatientPseudonym} paid: {Amount} {Currency} by card {CardLast4} " +
        "(token {PaymentToken}, correlation {CorrelationId})",
        EventName = "InvoicePaid")]
    public static partial void InvoicePaid(
        ILogger logger, string invoiceId, string patientPseudonym, decimal amount, string currency,
        string cardLast4, string paymentToken, string correlationId);
}
