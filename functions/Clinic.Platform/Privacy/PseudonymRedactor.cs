using Microsoft.Extensions.Compliance.Redaction;

namespace Clinic.Platform.Privacy;

/// <summary>
/// Redacts a person id to the same pseudonym that events carry when they pseudonymize explicitly, so every
/// record about one person correlates in a query, whichever way its id reached the log.
/// </summary>
public sealed class PseudonymRedactor(Pseudonymizer pseudonyms) : Redactor
{
    public override int GetRedactedLength(ReadOnlySpan<char> input) =>
        input.IsEmpty ? 0 : pseudonyms.Pseudonymize(input.ToString()).Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.IsEmpty)
            return 0;

        var pseudonym = pseudonyms.Pseudonymize(source.ToString());
        pseudonym.AsSpan().CopyTo(destination);
        return pseudonym.Length;
    }
}
