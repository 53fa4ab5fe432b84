namespace Clinic.Notifications.Tests.Fakes;

/// <summary>
/// What <see cref="AcsStub"/> answers instead of its default: a status, a JSON body, headers, a delay.
/// </summary>
internal sealed record StubAnswer(
    int Status,
    object? Body = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    TimeSpan Delay = default)
{
    public static IReadOnlyDictionary<string, string> Header(string name, string value) =>
        new Dictionary<string, string> { [name] = value };
}
