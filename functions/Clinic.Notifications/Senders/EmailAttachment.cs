namespace Clinic.Notifications.Senders;

/// <summary>A file attached to an <see cref="EmailMessage"/>.</summary>
/// <param name="Name">The file name the recipient sees, such as <c>invite.ics</c>.</param>
/// <param name="ContentType">
/// The MIME type with its parameters, such as <c>text/calendar; method=REQUEST; charset=utf-8</c>.
/// </param>
/// <param name="Content">The file's bytes.</param>
public sealed record EmailAttachment(string Name, string ContentType, byte[] Content);
