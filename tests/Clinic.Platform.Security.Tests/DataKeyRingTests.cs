using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Clinic.Platform.Security.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Platform.Security.Tests;

public sealed class DataKeyRingTests
{
    private readonly CountingKeyWrapper _wrapper = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Acquire_pastMaxEventsPerDataKey_rotatesToANewKey()
    {
        var ring = RingFactory.Create(_wrapper, maxEvents: 3, time: _time);

        var refs = Enumerable.Range(0, 7).Select(_ => ring.Acquire().KeyRef).ToList();

        Assert.Equal([3, 3, 1], refs.GroupBy(r => r).Select(g => g.Count()));
        Assert.Equal(3, _wrapper.Wraps);
    }

    [Fact]
    public void Acquire_pastDataKeyLifetime_rotatesToANewKey()
    {
        var ring = RingFactory.Create(_wrapper, lifetime: TimeSpan.FromHours(1), time: _time);
        var first = ring.Acquire();

        _time.Advance(TimeSpan.FromMinutes(59));
        var beforeExpiry = ring.Acquire();
        _time.Advance(TimeSpan.FromMinutes(1));
        var afterExpiry = ring.Acquire();

        Assert.Same(first, beforeExpiry);
        Assert.NotEqual(first.KeyRef, afterExpiry.KeyRef);
        Assert.Equal(2, _wrapper.Wraps);
    }

    [Fact]
    public void Encrypt_tenThousandEventsWithMaxTenThousand_wrapsExactlyOnce()
    {
        var encryptor = new EnvelopeEncryptor(RingFactory.Create(_wrapper, maxEvents: 10_000, time: _time));
        var payload = "{\"amount\":12.5}"u8.ToArray();

        for (var i = 0; i < 10_000; i++)
            encryptor.Encrypt("InvoicePaid", "corr-1", payload);

        Assert.Equal(1, _wrapper.Wraps);
    }

    [Fact]
    public void Acquire_newKey_logsItsReferenceKeyIdAlgorithmAndWrappedKey()
    {
        var logger = new FakeLogger<DataKeyRing>();
        var ring = RingFactory.Create(_wrapper, time: _time, logger: logger);

        var key = ring.Acquire();

        var issued = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "BillingDataKeyIssued");
        Assert.Equal(1101, issued.Id.Id);
        Assert.Equal(key.KeyRef, issued.GetStructuredStateValue("KeyRef"));
        Assert.Equal(_wrapper.KeyId, issued.GetStructuredStateValue("KeyId"));
        Assert.Equal("RSA-OAEP-256", issued.GetStructuredStateValue("Algorithm"));
        Assert.Equal(
            Base64Url.EncodeToString(key.Wrapped.Value), issued.GetStructuredStateValue("WrappedKey"));
    }

    [Fact]
    public void Acquire_rotationFails_keepsTheOldKeyAndRetriesOnlyAfterTheDelay()
    {
        var logger = new FakeLogger<DataKeyRing>();
        var ring = RingFactory.Create(_wrapper, maxEvents: 1, time: _time, logger: logger);
        var first = ring.Acquire();
        _wrapper.Failing = true;

        var duringOutage = Enumerable.Range(0, 5).Select(_ => ring.Acquire()).ToList();
        _time.Advance(TimeSpan.FromSeconds(30));
        _wrapper.Failing = false;
        var afterOutage = ring.Acquire();

        Assert.All(duringOutage, key => Assert.Same(first, key));
        Assert.NotEqual(first.KeyRef, afterOutage.KeyRef);
        Assert.Equal(3, _wrapper.Wraps);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
    }

    [Fact]
    public void Acquire_noKeyYetAndVaultDown_failsFastUntilTheRetryDelayHasPassed()
    {
        var ring = RingFactory.Create(_wrapper, time: _time);
        _wrapper.Failing = true;

        Assert.Throws<CryptographicException>(ring.Acquire);
        Assert.Throws<CryptographicException>(ring.Acquire);
        var wrapsDuringDelay = _wrapper.Wraps;
        _time.Advance(TimeSpan.FromSeconds(30));
        _wrapper.Failing = false;
        var key = ring.Acquire();

        Assert.Equal(1, wrapsDuringDelay);
        Assert.NotNull(key);
    }

    [Fact]
    public async Task Acquire_manyThreads_countsEveryUseAndRotatesAboutOncePerMaxEvents()
    {
        var ring = RingFactory.Create(_wrapper, maxEvents: 10_000, time: _time);
        var keys = new ConcurrentDictionary<string, DataKey>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                var key = ring.Acquire();
                keys.TryAdd(key.KeyRef, key);
            }
        })));

        Assert.Equal(80_000, keys.Values.Sum(k => k.Uses));
        Assert.InRange(_wrapper.Wraps, 1, 9);
        Assert.Equal(_wrapper.Wraps, keys.Count);
    }
}
