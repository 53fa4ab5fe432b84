using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Security;

/// <summary>
/// Events of billing log encryption, ids 1100-1149 (1110 is the log auditor's). Ids and names are stable:
/// the auditor and dashboards look for them. No plaintext payload and no unwrapped key is ever an argument.
/// </summary>
internal static partial class Log
{
    public const int BillingDataKeyIssuedId = 1101;
    public const int BillingDataKeyAnnouncedId = 1102;

    [LoggerMessage(EventId = BillingDataKeyIssuedId, EventName = "BillingDataKeyIssued",
        Message = "Billing data key {KeyRef} issued, wrapped by {KeyId} with {Algorithm}: {WrappedKey}")]
    public static partial void BillingDataKeyIssued(
        ILogger logger, LogLevel level, string keyRef, string keyId, string algorithm, string wrappedKey);

    /// <summary>
    /// The same facts as <see cref="BillingDataKeyIssued"/>, written on the billing module's own logger and
    /// at the level of the record that follows, so the wrapped key passes every filter its records pass.
    /// </summary>
    [LoggerMessage(EventId = BillingDataKeyAnnouncedId, EventName = "BillingDataKeyAnnounced",
        Message = "Billing data key {KeyRef} in use, wrapped by {KeyId} with {Algorithm}: {WrappedKey}")]
    public static partial void BillingDataKeyAnnounced(
        ILogger logger, LogLevel level, string keyRef, string keyId, string algorithm, string wrappedKey);

    [LoggerMessage(1103, LogLevel.Warning,
        "No new billing data key from {KeyId} ({ExceptionType}); data key {KeyRef} stays in use, next try after " +
        "{RetryAfter}",
        EventName = "BillingDataKeyRotationFailed")]
    public static partial void DataKeyRotationFailed(
        ILogger logger, string keyId, string exceptionType, string keyRef, DateTimeOffset retryAfter);

    [LoggerMessage(1104, LogLevel.Error,
        "Billing event {EventName} (correlation {CorrelationId}) was not logged: its payload could not be " +
        "encrypted ({ExceptionType})",
        EventName = "BillingEventNotLogged")]
    public static partial void BillingEventNotLogged(
        ILogger logger, string eventName, string correlationId, string exceptionType);
}
