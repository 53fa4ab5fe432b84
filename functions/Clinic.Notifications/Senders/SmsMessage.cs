using Clinic.Platform.Privacy;

namespace Clinic.Notifications.Senders;

/// <summary>One text message to one phone, already rendered.</summary>
/// <param name="To">The recipient's number in E.164 form, such as <c>+12025550123</c>.</param>
/// <param name="Text">The message; it names the patient and the appointment, so it is personal data.</param>
/// <param name="IdempotencyKey">
/// Stable for every attempt at this same notification, so a retry is not delivered twice.
/// </param>
/// <param name="FirstAttemptAt">
/// When the first attempt was made, for example the queue message's insertion time. Azure Communication
/// Services wants it with every repeatable request and it should not change between attempts; when it is
/// missing, each attempt sends its own current time.
/// </param>
public sealed record SmsMessage(
    [property: PersonalData] string To,
    [property: PersonalData] string Text,
    string IdempotencyKey,
    DateTimeOffset? FirstAttemptAt = null);
