using Clinic.Platform.Security;

namespace Clinic.LoggingBenchmarks;

/// <summary>Counts wraps and unwraps: with Key Vault, each one is one REST call.</summary>
internal sealed class CountingKeyWrapper(IKeyWrapper inner) : IKeyWrapper
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string KeyId => inner.KeyId;

    public Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return inner.WrapAsync(key, cancellationToken);
    }

    public Task<byte[]> UnwrapAsync(WrappedKey wrapped, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return inner.UnwrapAsync(wrapped, cancellationToken);
    }
}
