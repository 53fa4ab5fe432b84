namespace Clinic.Platform.Security;

/// <summary>
/// The names of the structured fields of encrypted billing records and of data key announcements: the
/// contract between the writer (<see cref="EncryptedEventLog"/>) and readers such as the log auditor.
/// </summary>
public static class BillingLogFields
{
    public const string EventName = "EventName";
    public const string CorrelationId = "CorrelationId";
    public const string KeyId = "KeyId";
    public const string KeyRef = "KeyRef";
    public const string Nonce = "Nonce";
    public const string Ciphertext = "Ciphertext";

    /// <summary>In announcements: the wrap algorithm.</summary>
    public const string Algorithm = "Algorithm";

    /// <summary>In announcements: the wrapped data key, base64url without padding.</summary>
    public const string WrappedKey = "WrappedKey";

    /// <summary>The message template of encrypted records (<c>{OriginalFormat}</c> in their state).</summary>
    public const string RecordTemplate = "Encrypted billing event {EventName}";
}
