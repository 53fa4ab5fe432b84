namespace Clinic.Notifications.Senders;

/// <summary>
/// Settings of <see cref="AcsEmailSender"/> and <see cref="AcsSmsSender"/>, from the
/// <c>Notifications:Acs</c> section. Authentication is either Microsoft Entra (set <see cref="Endpoint"/> and
/// give the senders a credential, such as the managed identity) or the resource's access key (set
/// <see cref="ConnectionString"/>).
/// </summary>
public sealed class AcsSenderOptions
{
    public const string SectionName = "Notifications:Acs";

    public const string DefaultEmailApiVersion = "2023-03-31";
    public const string DefaultSmsApiVersion = "2021-03-07";

    /// <summary>
    /// The resource's endpoint, <c>https://{name}.communication.azure.com/</c>, for Entra authentication.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// <c>endpoint=https://…;accesskey=…</c>. When set, requests are signed with the access key and no
    /// credential is needed. It is a secret: keep it in Key Vault, or prefer Entra auth.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The <c>From</c> address of emails, on a domain verified in the Email resource.</summary>
    public string? SenderAddress { get; set; }

    /// <summary>The resource's phone number that sends text messages, in E.164 form.</summary>
    public string? FromNumber { get; set; }

    public string EmailApiVersion { get; set; } = DefaultEmailApiVersion;

    public string SmsApiVersion { get; set; } = DefaultSmsApiVersion;

    /// <summary>How long one HTTP request may take before it counts as a transient timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an email send may wait for the service's verdict after it accepted the email; zero skips
    /// the wait. When the verdict does not come in time the email counts as sent (see
    /// <see cref="AcsEmailSender"/>).
    /// </summary>
    public TimeSpan EmailStatusWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many status requests per email.</summary>
    public int MaxEmailStatusPolls { get; set; } = 5;

    /// <summary>The delay of a throttled send when the service names none.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay of a throttled send, whatever the service asks for.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether Event Grid should get a delivery report of each text message.</summary>
    public bool EnableDeliveryReport { get; set; } = true;
}
