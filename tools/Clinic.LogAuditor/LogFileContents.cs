using Clinic.Platform.Security;

namespace Clinic.LogAuditor;

/// <summary>What one log file holds for the auditor; other records are skipped.</summary>
public sealed record LogFileContents(
    string Path,
    LogShape Shape,
    IReadOnlyDictionary<string, WrappedKey> AnnouncedKeys,
    IReadOnlyList<EncryptedRecord> Records,
    int UnreadableLines);
