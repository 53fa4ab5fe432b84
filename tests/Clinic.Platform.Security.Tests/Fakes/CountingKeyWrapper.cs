using System.Collections.Concurrent;

namespace Clinic.Platform.Security.Tests.Fakes;

/// <summary>
/// A fast stand-in key-encryption key (it "wraps" by reversing the bytes) that counts its calls and can be
/// told to fail, to test rotation without RSA.
/// </summary>
internal sealed class CountingKeyWrapper : IKeyWrapper
{
    private int _wraps;
    private int _unwraps;

    public string KeyId => "test:counting";

    public int Wraps => Volatile.Read(ref _wraps);

    public int Unwraps => Volatile.Read(ref _unwraps);

    /// <summary>Every key wrapped so far, oldest first.</summary>
    public ConcurrentQueue<WrappedKey> Issued { get; } = new();

    /// <summary>While true, every wrap throws (after being counted), like an unreachable vault.</summary>
    public bool Failing { get; set; }

    public Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _wraps);
        if (Failing)
            throw new InvalidOperationException("The vault is unreachable.");

        var value = key.ToArray();
        Array.Reverse(value);
        var wrapped = new WrappedKey(KeyId, KeyWrapAlgorithms.RsaOaep256, value);
        Issued.Enqueue(wrapped);
        return Task.FromResult(wrapped);
    }

    public Task<byte[]> UnwrapAsync(WrappedKey wrapped, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _unwraps);
        var value = wrapped.Value.ToArray();
        Array.Reverse(value);
        return Task.FromResult(value);
    }
}
