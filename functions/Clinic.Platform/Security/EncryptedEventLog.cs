using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Clinic.Platform.Json;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Security;

/// <summary>
/// How the billing module logs an event whose payload holds billing data: the payload is serialized to JSON,
/// sealed with <see cref="EnvelopeEncryptor"/>, and only the sealed form is logged, under the billing
/// module's own <see cref="EventId"/> and level. The record's structured fields are
/// <see cref="BillingLogFields"/>' EventName, CorrelationId, KeyId, KeyRef, Nonce and Ciphertext; no payload
/// value reaches any logging provider.
/// </summary>
/// <remarks>
/// Before the first record under a data key, each logger also writes <c>BillingDataKeyAnnounced</c> with the
/// wrapped key, at that record's level (again when a later record is more severe), so the key that an
/// auditor needs always lands where the records land. Pass long-lived loggers (<c>ILogger&lt;T&gt;</c>):
/// announcements are tracked per logger instance.
/// </remarks>
public sealed class EncryptedEventLog(EnvelopeEncryptor encryptor)
{
    private readonly ConditionalWeakTable<ILogger, Announcement> _announced = [];

    /// <summary>
    /// Logs <paramref name="payload"/> encrypted, serialized with the Clinic JSON conventions, under the
    /// billing module's <paramref name="eventId"/> (which must have a name). The correlation id defaults to
    /// the current activity's trace id. Nothing is encrypted when <paramref name="level"/> is filtered out.
    /// </summary>
    public void Write<TPayload>(
        ILogger logger, LogLevel level, EventId eventId, TPayload payload, string? correlationId = null) =>
        Write(logger, level, eventId, payload,
            (JsonTypeInfo<TPayload>)ClinicJson.Options.GetTypeInfo(typeof(TPayload)), correlationId);

    /// <summary>
    /// As the other overload, serialized with <paramref name="jsonTypeInfo"/> (source-generated JSON: no
    /// reflection on the logging path).
    /// </summary>
    public void Write<TPayload>(
        ILogger logger,
        LogLevel level,
        EventId eventId,
        TPayload payload,
        JsonTypeInfo<TPayload> jsonTypeInfo,
        string? correlationId = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        if (string.IsNullOrEmpty(eventId.Name))
        {
            throw new ArgumentException(
                "Billing events are named, e.g. new EventId(4001, \"InvoicePaid\").", nameof(eventId));
        }

        if (!logger.IsEnabled(level))
            return;

        var correlation = correlationId ?? CurrentCorrelationId();
        EncryptedPayload sealedPayload;
        DataKey key;
        var json = PlaintextBuffer.Take();
        try
        {
            json.Writer.Reset(json.Buffer);
            JsonSerializer.Serialize(json.Writer, payload, jsonTypeInfo);
            json.Writer.Flush();
            sealedPayload = encryptor.Seal(eventId.Name, correlation, json.Buffer.WrittenSpan, out key);
        }
        catch (CryptographicException exception)
        {
            Log.BillingEventNotLogged(logger, eventId.Name, correlation, exception.GetType().Name);
            return;
        }
        finally
        {
            PlaintextBuffer.Return(json);
        }

        AnnounceIfNeeded(logger, level, key);
        logger.Log(level, eventId, new EncryptedEventState(eventId.Name, correlation, sealedPayload), null,
            EncryptedEventState.Formatter);
    }

    private void AnnounceIfNeeded(ILogger logger, LogLevel level, DataKey key)
    {
        var known = _announced.TryGetValue(logger, out var announcement) && announcement.KeyRef == key.KeyRef;
        if (known && announcement!.Level >= level)
            return;

        Log.BillingDataKeyAnnounced(logger, level, key.KeyRef, key.Wrapped.KeyId, key.Wrapped.Algorithm,
            Base64Url.EncodeToString(key.Wrapped.Value));
        var highest = known && announcement!.Level > level ? announcement.Level : level;
        _announced.AddOrUpdate(logger, new Announcement(key.KeyRef, highest));
    }

    private static string CurrentCorrelationId()
    {
        var traceId = Activity.Current?.TraceId ?? default;
        return traceId == default ? Guid.NewGuid().ToString("N") : traceId.ToHexString();
    }

    private sealed record Announcement(string KeyRef, LogLevel Level);

    /// <summary>
    /// Serialization space reused by each thread, so a record allocates no plaintext copy. All of it is
    /// zeroed after every use, including bytes a failed serialization left unflushed; copies left behind when
    /// the buffer grew are not. A payload whose serialization itself logs a billing event gets a fresh one.
    /// </summary>
    private sealed class PlaintextBuffer
    {
        [ThreadStatic]
        private static PlaintextBuffer? _spare;

        private PlaintextBuffer()
        {
            Buffer = new ArrayBufferWriter<byte>(512);
            Writer = new Utf8JsonWriter(Buffer);
        }

        public ArrayBufferWriter<byte> Buffer { get; }

        public Utf8JsonWriter Writer { get; }

        public static PlaintextBuffer Take()
        {
            var buffer = _spare ?? new PlaintextBuffer();
            _spare = null;
            return buffer;
        }

        public static void Return(PlaintextBuffer buffer)
        {
            buffer.Writer.Reset();
            buffer.Buffer.ResetWrittenCount();
            CryptographicOperations.ZeroMemory(buffer.Buffer.GetSpan());
            _spare = buffer;
        }
    }
}
