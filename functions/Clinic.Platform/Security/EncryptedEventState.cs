using System.Collections;
using System.Collections.Concurrent;

namespace Clinic.Platform.Security;

/// <summary>
/// The structured state of one encrypted billing record, shaped like the state that [LoggerMessage] generates
/// (fields, then <c>{OriginalFormat}</c>), so every provider stores it field by field. It holds no plaintext.
/// </summary>
internal readonly struct EncryptedEventState(string eventName, string correlationId, EncryptedPayload payload)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static readonly Func<EncryptedEventState, Exception?, string> Formatter =
        (state, _) => state.ToString();

    // Providers ask for the message once or twice a record; billing has a few dozen event names at most.
    private const int MaxCachedMessages = 256;
    private static readonly ConcurrentDictionary<string, string> Messages = new(StringComparer.Ordinal);

    public int Count => 7;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(BillingLogFields.EventName, eventName),
        1 => new(BillingLogFields.CorrelationId, correlationId),
        2 => new(BillingLogFields.KeyId, payload.KeyId),
        3 => new(BillingLogFields.KeyRef, payload.KeyRef),
        4 => new(BillingLogFields.Nonce, payload.Nonce),
        5 => new(BillingLogFields.Ciphertext, payload.Ciphertext),
        6 => new("{OriginalFormat}", BillingLogFields.RecordTemplate),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        if (Messages.TryGetValue(eventName, out var message))
            return message;

        message = BillingLogFields.RecordTemplate.Replace(
            "{" + BillingLogFields.EventName + "}", eventName, StringComparison.Ordinal);
        if (Messages.Count < MaxCachedMessages)
            Messages.TryAdd(eventName, message);

        return message;
    }
}
