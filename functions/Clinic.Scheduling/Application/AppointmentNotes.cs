namespace Clinic.Scheduling.Application;

/// <summary>
/// The patient's free-text reason for a visit: personal data, shown to them and their doctor only.
/// </summary>
public static class AppointmentNotes
{
    public const int MaxLength = 500;

    public static bool IsValid(string? note) =>
        note is null
        || (note.Length <= MaxLength && !note.Any(c => char.IsControl(c) && c is not ('\n' or '\r')));

    public static string? Normalize(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
