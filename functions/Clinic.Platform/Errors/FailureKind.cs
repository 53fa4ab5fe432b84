namespace Clinic.Platform.Errors;

/// <summary>Why an operation was refused; each kind maps to one HTTP status at the edge.</summary>
public enum FailureKind
{
    Validation,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,

    /// <summary>The request's precondition (If-Match) names a version that is no longer current.</summary>
    PreconditionFailed,

    Unprocessable,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    Unavailable,
    Unexpected,
}
