using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using Azure;
using Clinic.Platform.Security.Tests.Fakes;

namespace Clinic.Platform.Security.Tests;

public sealed class KeyVaultKeyWrapperTests : IAsyncLifetime
{
    private KeyVaultStub _stub = null!;
    private readonly FakeTokenCredential _credential = new();

    public async Task InitializeAsync() => _stub = await KeyVaultStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task WrapAsync_againstTheStub_sendsTheDocumentedRequest()
    {
        var wrapper = CreateWrapper();

        await wrapper.WrapAsync(RandomNumberGenerator.GetBytes(32), CancellationToken.None);

        Assert.Empty(_stub.Problems);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/keys/{KeyVaultStub.KeyName}/{KeyVaultStub.KeyVersion}/wrapkey", request.Path);
        Assert.Equal(KeyVaultStub.ApiVersion, request.ApiVersion);
        Assert.Equal($"Bearer {FakeTokenCredential.Token}", request.Authorization);
        Assert.Equal("RSA-OAEP-256", request.Body.GetProperty("alg").GetString());
        Assert.DoesNotContain(request.Body.GetProperty("value").GetString()!, c => c is '+' or '/' or '=');
        Assert.All(_credential.Scopes, scope => Assert.Equal("https://vault.azure.net/.default", scope));
    }

    [Fact]
    public async Task WrapThenUnwrap_againstTheStub_returnsTheDataKey()
    {
        var wrapper = CreateWrapper();
        var dataKey = RandomNumberGenerator.GetBytes(32);

        var wrapped = await wrapper.WrapAsync(dataKey, CancellationToken.None);
        var unwrapped = await wrapper.UnwrapAsync(wrapped, CancellationToken.None);

        Assert.Equal(dataKey, unwrapped);
        Assert.Equal(_stub.KeyId.AbsoluteUri, wrapped.KeyId);
        Assert.Equal(KeyWrapAlgorithms.RsaOaep256, wrapped.Algorithm);
        Assert.Equal("/unwrapkey", _stub.Requests.Last().Path[^10..]);
        Assert.Empty(_stub.Problems);
    }

    [Fact]
    public async Task WrapAsync_vaultRefuses_throwsAClearErrorWithoutKeyMaterial()
    {
        var wrapper = CreateWrapper();
        var dataKey = RandomNumberGenerator.GetBytes(32);
        _stub.Refuse = HttpStatusCode.Forbidden;

        var failure = await Assert.ThrowsAsync<RequestFailedException>(
            () => wrapper.WrapAsync(dataKey, CancellationToken.None));

        Assert.Equal(403, failure.Status);
        Assert.Equal("Forbidden", failure.ErrorCode);
        Assert.Contains("refused wrapkey", failure.Message, StringComparison.Ordinal);
        Assert.Contains(KeyVaultStub.KeyName, failure.Message, StringComparison.Ordinal);
        var text = failure.ToString();
        Assert.DoesNotContain(Base64Url.EncodeToString(dataKey), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(dataKey), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnwrapAsync_keyIdOfAnotherHost_isRefusedWithoutAnyCall()
    {
        var wrapper = CreateWrapper();
        var forged = new WrappedKey(
            $"https://attacker.example/keys/{KeyVaultStub.KeyName}/{KeyVaultStub.KeyVersion}",
            KeyWrapAlgorithms.RsaOaep256, new byte[256]);

        await Assert.ThrowsAsync<ArgumentException>(
            () => wrapper.UnwrapAsync(forged, CancellationToken.None));

        Assert.Empty(_stub.Requests);
        Assert.Empty(_credential.Scopes);
    }

    [Fact]
    public async Task WrapAsync_keyIdWithoutVersion_isRefusedWithoutAnyCall()
    {
        var versionless = new Uri(_stub.BaseAddress, $"keys/{KeyVaultStub.KeyName}");
        var wrapper = new KeyVaultKeyWrapper(
            new KeyVaultKeyOptions { KeyId = versionless }, _credential, _stub.ClientOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => wrapper.WrapAsync(new byte[32], CancellationToken.None));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task UnwrapAsync_otherVersionOfTheSameKey_isSentToThatVersion()
    {
        const string version = "00000000000000000000000000000001";
        var wrapper = CreateWrapper();
        var olderVersion = new WrappedKey(
            new Uri(_stub.BaseAddress, $"keys/{KeyVaultStub.KeyName}/{version}").AbsoluteUri,
            KeyWrapAlgorithms.RsaOaep256, new byte[256]);

        // The stub knows only its own version and answers 400, which is enough: the path is what counts.
        await Assert.ThrowsAsync<RequestFailedException>(
            () => wrapper.UnwrapAsync(olderVersion, CancellationToken.None));

        var request = Assert.Single(_stub.Requests);
        Assert.Equal($"/keys/{KeyVaultStub.KeyName}/{version}/unwrapkey", request.Path);
    }

    [Theory]
    [InlineData("http://clinic-kv.vault.azure.net/keys/billing/0123abcd")]
    [InlineData("https://clinic-kv.vault.azure.net/secrets/billing/0123abcd")]
    [InlineData("https://clinic-kv.vault.azure.net/keys/billing/0123abcd?x=1")]
    [InlineData("https://user:@clinic-kv.vault.azure.net/keys/billing/0123abcd")]
    public void Constructor_keyIdThatIsNotAnHttpsKeyVaultKey_isRefused(string keyId)
    {
        var options = new KeyVaultKeyOptions { KeyId = new Uri(keyId) };

        Assert.Throws<ArgumentException>(() => new KeyVaultKeyWrapper(options, _credential));
    }

    private KeyVaultKeyWrapper CreateWrapper() =>
        new(new KeyVaultKeyOptions { KeyId = _stub.KeyId }, _credential, _stub.ClientOptions());
}
