namespace Clinic.Platform.Errors;

/// <summary>Why an operation was refused; each kind maps to one HTTP status at the edge.</summary>
public enum FailureKind
{
    Validation,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    Unprocessable,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    Unavailable,
    Unexpected,
}
