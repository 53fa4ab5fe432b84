namespace Clinic.Notifications.Senders;

/// <summary>
/// Settings of <see cref="OutboxFolderSender"/>, from the <c>Notifications:Outbox</c> section.
/// </summary>
public sealed class OutboxFolderOptions
{
    public const string SectionName = "Notifications:Outbox";

    /// <summary>
    /// The outbox folder; a relative path is taken from the current directory. Emails go to its <c>email</c>
    /// subfolder, text messages to <c>sms</c>.
    /// </summary>
    public string Path { get; set; } = System.IO.Path.Combine(".data", "outbox");

    /// <summary>The <c>From</c> address written into each email.</summary>
    public string SenderAddress { get; set; } = "DoNotReply@clinic.example.test";
}
