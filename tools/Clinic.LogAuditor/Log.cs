using Microsoft.Extensions.Logging;

namespace Clinic.LogAuditor;

/// <summary>
/// The auditor's own event, id 1110 in the platform's billing log range (1100-1149). Every run that reads
/// billing logs writes it, so a decryption is itself on the record.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1110, LogLevel.Warning,
        "Operator {Operator} decrypted {Decrypted} billing log records of {InputFile} with key {KeyId} " +
        "({Failed} could not be decrypted)",
        EventName = "AuditorDecryptedBillingLogs")]
    public static partial void AuditorDecryptedBillingLogs(
        ILogger logger, string @operator, int decrypted, string inputFile, string keyId, int failed);
}
