using System.Security.Cryptography;
using Clinic.Platform.Security.Tests.Fakes;

namespace Clinic.Platform.Security.Tests;

public sealed class LocalRsaKeyWrapperTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void OpenOrCreate_firstRun_createsAnOwnerOnlyPkcs8PemFile()
    {
        var path = _folder.File("keys/billing-log-key.pem");

        using var wrapper = LocalRsaKeyWrapper.OpenOrCreate(path);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Matches("^local:[0-9a-f]{16}$", wrapper.KeyId);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

        Assert.Single(Directory.GetFiles(_folder.File("keys")));
    }

    [Fact]
    public async Task OpenOrCreate_secondInstance_reusesTheKeyAndUnwrapsTheFirstsWrappedKey()
    {
        var path = _folder.File("keys/billing-log-key.pem");
        var dataKey = RandomNumberGenerator.GetBytes(32);
        WrappedKey wrapped;
        string firstKeyId;
        using (var first = LocalRsaKeyWrapper.OpenOrCreate(path))
        {
            wrapped = await first.WrapAsync(dataKey, CancellationToken.None);
            firstKeyId = first.KeyId;
        }

        using var second = LocalRsaKeyWrapper.OpenOrCreate(path);
        var unwrapped = await second.UnwrapAsync(wrapped, CancellationToken.None);

        Assert.Equal(firstKeyId, second.KeyId);
        Assert.Equal(dataKey, unwrapped);
        Assert.Equal(KeyWrapAlgorithms.RsaOaep256, wrapped.Algorithm);
    }

    [Fact]
    public async Task OpenOrCreate_manyAtOnce_allUseOneKey()
    {
        var path = _folder.File("keys/billing-log-key.pem");

        var keyIds = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            using var wrapper = LocalRsaKeyWrapper.OpenOrCreate(path);
            return wrapper.KeyId;
        })));

        Assert.Single(keyIds.Distinct());
        Assert.Single(Directory.GetFiles(_folder.File("keys")));
    }

    [Fact]
    public async Task UnwrapAsync_keyWrappedByAnotherKey_isRefused()
    {
        using var first = LocalRsaKeyWrapper.OpenOrCreate(_folder.File("a.pem"));
        using var other = LocalRsaKeyWrapper.OpenOrCreate(_folder.File("b.pem"));
        var wrapped = await first.WrapAsync(RandomNumberGenerator.GetBytes(32), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => other.UnwrapAsync(wrapped, CancellationToken.None));
    }

    [Fact]
    public void Open_missingFile_throwsAndCreatesNothing()
    {
        var path = _folder.File("none.pem");

        Assert.Throws<FileNotFoundException>(() => LocalRsaKeyWrapper.Open(path));

        Assert.False(File.Exists(path));
    }
}
