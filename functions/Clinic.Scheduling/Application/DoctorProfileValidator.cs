using Clinic.Platform.Errors;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Application;

/// <summary>
/// Checks a doctor's public profile. The name is shown to every patient and is a person's name, so it is
/// never echoed into a message or a log.
/// </summary>
internal static class DoctorProfileValidator
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxSpecialtyLength = 100;

    public static Result<DoctorProfile> Validate(UpdateDoctorProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var errors = new FieldErrors();
        var displayName = Check(request.DisplayName, MaxDisplayNameLength, "displayName", errors);
        var specialty = Check(request.Specialty, MaxSpecialtyLength, "specialty", errors);
        if (!errors.IsEmpty)
            return errors.ToFailure();

        return new DoctorProfile(displayName!, specialty!);
    }

    // Control characters are refused before trimming, so a trailing line break is an error, not a fix.
    private static string? Check(string? value, int maxLength, string field, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (trimmed is { Length: > 0 } && trimmed.Length <= maxLength && !value!.Any(char.IsControl))
            return trimmed;

        errors.Add(field, $"Use 1 to {maxLength} characters, without control characters.");
        return null;
    }
}
