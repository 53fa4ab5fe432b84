namespace Clinic.Platform.Errors;

/// <summary>
/// An expected, explainable refusal of an operation. <see cref="Code"/> is stable and becomes the problem
/// type; <see cref="Title"/> is plain language for people; <see cref="Errors"/> maps field names to messages.
/// Nothing internal (exception text, table names, keys) belongs here.
/// </summary>
public sealed record Failure(
    FailureKind Kind,
    string Code,
    string Title,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Failure Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Validation, "validation", "The request has invalid fields.", errors);

    public static Failure Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Failure NotFound(string code, string title) => new(FailureKind.NotFound, code, title);

    public static Failure Conflict(string code, string title) => new(FailureKind.Conflict, code, title);

    public static Failure PreconditionFailed(string code, string title) =>
        new(FailureKind.PreconditionFailed, code, title);

    public static Failure Unprocessable(string code, string title) =>
        new(FailureKind.Unprocessable, code, title);

    public static Failure Unauthenticated(string title) =>
        new(FailureKind.Unauthenticated, "unauthenticated", title);

    public static Failure Forbidden(string title) => new(FailureKind.Forbidden, "forbidden", title);
}
