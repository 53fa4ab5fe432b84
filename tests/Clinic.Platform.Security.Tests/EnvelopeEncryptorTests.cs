using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Clinic.Platform.Security.Tests.Fakes;

namespace Clinic.Platform.Security.Tests;

public sealed class EnvelopeEncryptorTests
{
    private static readonly byte[] Plaintext = """{"invoiceId":"inv-1","amount":120.50}"""u8.ToArray();

    private readonly CountingKeyWrapper _wrapper = new();
    private readonly EnvelopeEncryptor _encryptor;

    public EnvelopeEncryptorTests() => _encryptor = new EnvelopeEncryptor(RingFactory.Create(_wrapper));

    [Fact]
    public async Task Decrypt_sameEventAndCorrelation_returnsThePlaintext()
    {
        var sealedPayload = _encryptor.Encrypt("InvoicePaid", "corr-1", Plaintext);

        var plaintext = EnvelopeEncryptor.Decrypt(
            await DataKeyOf(sealedPayload), "InvoicePaid", "corr-1", sealedPayload);

        Assert.Equal(Plaintext, plaintext);
        Assert.Equal(_wrapper.KeyId, sealedPayload.KeyId);
        Assert.Equal(12, Base64Url.DecodeFromChars(sealedPayload.Nonce).Length);
        Assert.Equal(Plaintext.Length + 16, Base64Url.DecodeFromChars(sealedPayload.Ciphertext).Length);
    }

    [Fact]
    public void Encrypt_samePayloadTwice_givesDifferentNoncesAndCiphertexts()
    {
        var first = _encryptor.Encrypt("InvoicePaid", "corr-1", Plaintext);
        var second = _encryptor.Encrypt("InvoicePaid", "corr-1", Plaintext);

        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
    }

    [Fact]
    public async Task Encrypt_manyThreadsUnderOneDataKey_neverRepeatsANonce()
    {
        var nonces = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
                nonces.Add(_encryptor.Encrypt("InvoicePaid", "corr-1", Plaintext).Nonce);
        })));

        Assert.Equal(16_000, nonces.Distinct().Count());
        Assert.Equal(1, _wrapper.Wraps);
    }

    [Fact]
    public async Task Decrypt_tamperedCiphertext_fails()
    {
        var sealedPayload = _encryptor.Encrypt("InvoicePaid", "corr-1", Plaintext);
        var bytes = Base64Url.DecodeFromChars(sealedPayload.Ciphertext);
        bytes[3] ^= 0x01;
        var tampered = sealedPayload with { Ciphertext = Base64Url.EncodeToString(bytes) };
        var key = await DataKeyOf(sealedPayload);

        Assert.ThrowsAny<CryptographicException>(
            () => EnvelopeEncryptor.Decrypt(key, "InvoicePaid", "corr-1", tampered));
    }

    [Theory]
    [InlineData("InvoiceRefunded", "corr-1")]
    [InlineData("InvoicePaid", "corr-2")]
    [InlineData("InvoicePaidcorr-", "1")]
    public async Task Decrypt_movedToAnotherEventOrCorrelation_fails(string eventName, string correlationId)
    {
        var sealedPayload = _encryptor.Encrypt("InvoicePaid", "corr-1", Plaintext);
        var key = await DataKeyOf(sealedPayload);

        Assert.ThrowsAny<CryptographicException>(
            () => EnvelopeEncryptor.Decrypt(key, eventName, correlationId, sealedPayload));
    }

    [Fact]
    public void Encrypt_payload_leavesNoPlaintextInTheSealedForm()
    {
        var sealedPayload = _encryptor.Encrypt("InvoicePaid", "corr-1", Plaintext);

        var decoded = Encoding.Latin1.GetString(Base64Url.DecodeFromChars(sealedPayload.Ciphertext));

        Assert.DoesNotContain("inv-1", decoded, StringComparison.Ordinal);
        Assert.DoesNotContain("120.50", decoded, StringComparison.Ordinal);
    }

    private Task<byte[]> DataKeyOf(EncryptedPayload sealedPayload)
    {
        var wrapped = _wrapper.Issued.Single(w => DataKey.ReferenceOf(w) == sealedPayload.KeyRef);
        return _wrapper.UnwrapAsync(wrapped, CancellationToken.None);
    }
}
