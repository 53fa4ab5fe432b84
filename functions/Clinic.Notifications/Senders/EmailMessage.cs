using Clinic.Platform.Privacy;

namespace Clinic.Notifications.Senders;

/// <summary>
/// One email to one patient, already rendered. Subject and bodies carry names and appointment details, so
/// they are personal data like the address: no sender logs them or puts them in a file name.
/// </summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Html">The HTML body.</param>
/// <param name="Text">The plain-text body, for clients that do not show HTML.</param>
/// <param name="Attachments">Files sent along, such as a calendar invitation; may be empty.</param>
/// <param name="IdempotencyKey">
/// Stable for every attempt at this same notification (for example the queue message's own key), so a retry
/// is recognised as a repeat by the provider or the outbox and not delivered twice.
/// </param>
public sealed record EmailMessage(
    [property: PersonalData] string To,
    [property: PersonalData] string Subject,
    [property: PersonalData] string Html,
    [property: PersonalData] string Text,
    IReadOnlyList<EmailAttachment> Attachments,
    string IdempotencyKey);
