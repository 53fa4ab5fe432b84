namespace Clinic.Platform.Errors;

/// <summary>Collects per-field validation messages so a request reports every bad field at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
        return this;
    }

    public Failure ToFailure() =>
        Failure.Validation(_errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()));
}
