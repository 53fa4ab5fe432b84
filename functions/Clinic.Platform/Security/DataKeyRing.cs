using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Platform.Security;

/// <summary>
/// Hands out the current AES-256 data key and replaces it after
/// <see cref="BillingLogOptions.MaxEventsPerDataKey"/> payloads or
/// <see cref="BillingLogOptions.DataKeyLifetime"/>, whichever comes first. The key-encryption key
/// (Key Vault) is called once per data key, never per payload. Thread-safe.
/// </summary>
/// <remarks>
/// Rotation is soft: the thread that finds the key due wraps its successor while other threads go on with the
/// old key, so at most one logging call waits for Key Vault. If the wrap fails, the old key stays in use and
/// the next attempt waits <see cref="BillingLogOptions.RotationRetryDelay"/>, so an outage of the vault does
/// not stall every billing request; a warning is logged each time. Only when there is no key at all, or the
/// old one has reached <see cref="BillingLogOptions.MaxEventsPerDataKeyLimit"/>, does encryption fail.
/// </remarks>
public sealed class DataKeyRing
{
    private readonly IKeyWrapper _wrapper;
    private readonly TimeProvider _time;
    private readonly ILogger<DataKeyRing> _logger;
    private readonly long _maxUses;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _retryDelay;
    private readonly Lock _rotationGate = new();
    private DataKey? _current;
    private DateTimeOffset _retryAfter = DateTimeOffset.MinValue;

    public DataKeyRing(
        IKeyWrapper wrapper,
        IOptions<BillingLogOptions> options,
        TimeProvider time,
        ILogger<DataKeyRing> logger)
    {
        ArgumentNullException.ThrowIfNull(wrapper);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        _wrapper = wrapper;
        _time = time;
        _logger = logger;
        _maxUses = Math.Clamp(
            options.Value.MaxEventsPerDataKey, 1, BillingLogOptions.MaxEventsPerDataKeyLimit);
        _lifetime = options.Value.DataKeyLifetime;
        _retryDelay = options.Value.RotationRetryDelay;
    }

    /// <summary>The key-encryption key's id.</summary>
    public string KeyId => _wrapper.KeyId;

    /// <summary>The data key for the next payload, counted as used by it.</summary>
    /// <exception cref="CryptographicException">No data key could be issued.</exception>
    public DataKey Acquire() => Acquire(out _);

    /// <summary>As <see cref="Acquire()"/>, with the number of this use of the key (unique to it).</summary>
    internal DataKey Acquire(out long useNumber)
    {
        var key = Volatile.Read(ref _current);
        if (key is null || IsDue(key))
            key = Rotate(key);

        useNumber = key.CountUse();
        return key;
    }

    private bool IsDue(DataKey key) =>
        key.Uses >= _maxUses || _time.GetElapsedTime(key.IssuedTimestamp) >= _lifetime;

    private DataKey Rotate(DataKey? stale)
    {
        if (stale is null)
            _rotationGate.Enter();
        else if (!_rotationGate.TryEnter())
            return stale;

        try
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current, stale))
                return current;

            if (_time.GetUtcNow() < _retryAfter)
                return StillUsable(current, null);

            return Replace(current);
        }
        finally
        {
            _rotationGate.Exit();
        }
    }

    private DataKey Replace(DataKey? current)
    {
        try
        {
            var issued = Issue();
            Volatile.Write(ref _current, issued);
            Log.BillingDataKeyIssued(_logger, LogLevel.Information, issued.KeyRef, issued.Wrapped.KeyId,
                issued.Wrapped.Algorithm, Base64Url.EncodeToString(issued.Wrapped.Value));
            return issued;
        }
        catch (Exception exception)
        {
            // Whatever the wrapper threw (network, permission, a bug), billing must not wait on it again
            // until the retry delay has passed.
            _retryAfter = _time.GetUtcNow() + _retryDelay;
            // The vault's error text is not logged: it is not ours to vouch for.
            Log.DataKeyRotationFailed(
                _logger, KeyId, exception.GetType().Name, current?.KeyRef ?? "none", _retryAfter);
            return StillUsable(current, exception);
        }
    }

    /// <summary>
    /// A blocking wrap: logging calls are synchronous, and this runs once per data key, on one thread.
    /// Functions' isolated worker has no synchronization context, so waiting here cannot deadlock.
    /// </summary>
    private DataKey Issue()
    {
        var key = RandomNumberGenerator.GetBytes(DataKey.SizeInBytes);
        var wrapped = _wrapper.WrapAsync(key, CancellationToken.None).GetAwaiter().GetResult();
        return new DataKey(key, wrapped, _time.GetUtcNow(), _time.GetTimestamp());
    }

    private static DataKey StillUsable(DataKey? current, Exception? cause) =>
        current is not null && current.Uses < BillingLogOptions.MaxEventsPerDataKeyLimit
            ? current
            : throw new CryptographicException(
                "No billing data key is available; see the earlier warning.", cause);
}
