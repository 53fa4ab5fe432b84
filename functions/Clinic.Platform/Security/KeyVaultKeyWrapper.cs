using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Clinic.Platform.Security;

/// <summary>
/// Wraps and unwraps data keys with an RSA key in Key Vault through its REST operations <c>wrapkey</c> and
/// <c>unwrapkey</c> (RSA-OAEP-256), over Azure.Core's pipeline: bearer tokens for
/// <c>https://vault.azure.net/.default</c> from any <see cref="TokenCredential"/>, retries and timeouts from
/// <see cref="KeyVaultKeyClientOptions"/>. The private key never leaves the vault; the identity needs only
/// the wrapKey and unwrapKey permissions on that key.
/// </summary>
public sealed class KeyVaultKeyWrapper : IKeyWrapper
{
    public const string Scope = "https://vault.azure.net/.default";

    private const int MaxErrorMessageLength = 300;

    private readonly KeyVaultKeyId _key;
    private readonly HttpPipeline _pipeline;
    private readonly string _apiVersion;

    public KeyVaultKeyWrapper(
        KeyVaultKeyOptions options,
        TokenCredential credential,
        KeyVaultKeyClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);

        _key = KeyVaultKeyId.Parse(options.KeyId ?? throw new ArgumentException(
            "Set the Key Vault key id.", nameof(options)));
        clientOptions ??= new KeyVaultKeyClientOptions();
        _apiVersion = clientOptions.ApiVersion;
        _pipeline = HttpPipelineBuilder.Build(
            clientOptions, new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    public string KeyId => _key.Id;

    public async Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
    {
        if (key.IsEmpty)
            throw new ArgumentException("There is no key to wrap.", nameof(key));

        if (_key.Version is null)
        {
            throw new InvalidOperationException(
                $"Wrapping needs a key version; configure the full key id, not {_key.Id}.");
        }

        var result = await SendAsync(_key, "wrapkey", key, cancellationToken);
        return new WrappedKey(result.KeyId, KeyWrapAlgorithms.RsaOaep256, result.Value);
    }

    public async Task<byte[]> UnwrapAsync(WrappedKey wrapped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrapped);

        if (wrapped.Algorithm != KeyWrapAlgorithms.RsaOaep256)
        {
            throw new ArgumentException(
                $"Only {KeyWrapAlgorithms.RsaOaep256} is unwrapped.", nameof(wrapped));
        }

        // The key id comes from a log record, which anyone able to write logs could forge: only a version of
        // the configured key is asked for, so the bearer token never goes to a host named in a record.
        if (!KeyVaultKeyId.TryParse(Uri.TryCreate(wrapped.KeyId, UriKind.Absolute, out var uri) ? uri : null,
                out var recorded) || !_key.IsSameKey(recorded) || recorded.Version is null)
        {
            throw new ArgumentException(
                $"The data key was wrapped by another key than {_key.Id}.", nameof(wrapped));
        }

        var result = await SendAsync(recorded, "unwrapkey", wrapped.Value, cancellationToken);
        return result.Value;
    }

    private async Task<(string KeyId, byte[] Value)> SendAsync(
        KeyVaultKeyId key, string operation, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new Uri(key.Id + "/" + operation));
        request.Uri.AppendQuery("api-version", _apiVersion);
        request.Headers.Add(HttpHeader.Common.JsonContentType);
        request.Content = RequestContent.Create(OperationBody(value.Span));

        await _pipeline.SendAsync(message, cancellationToken);

        var response = message.Response;
        if (response.Status is < 200 or > 299)
            throw Failure(key, operation, response);

        return ReadResult(key, operation, response);
    }

    private static byte[] OperationBody(ReadOnlySpan<byte> value)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + (value.Length * 2));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("alg", KeyWrapAlgorithms.RsaOaep256);
            json.WriteString("value", Base64Url.EncodeToString(value));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static (string KeyId, byte[] Value) ReadResult(
        KeyVaultKeyId key, string operation, Response response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            var root = document.RootElement;
            var value = root.GetProperty("value").GetString()
                ?? throw new FormatException("The result has no value.");
            var kid = root.TryGetProperty("kid", out var kidElement) ? kidElement.GetString() : null;
            return (kid ?? key.Id, Base64Url.DecodeFromChars(value));
        }
        catch (Exception exception) when (exception is JsonException or FormatException
            or KeyNotFoundException or InvalidOperationException)
        {
            throw new RequestFailedException(response.Status,
                $"Key Vault {operation} on {key.Id} answered {response.Status} with an unreadable result.",
                null, exception);
        }
    }

    /// <summary>
    /// Status, Key Vault's error code and (shortened) message: enough to fix a permission or a key id. The
    /// response of a refused call holds no key material, and the request body is never quoted.
    /// </summary>
    private static RequestFailedException Failure(KeyVaultKeyId key, string operation, Response response)
    {
        var (code, detail) = ReadError(response);
        var message = $"Key Vault refused {operation} on {key.Id}: {response.Status} "
            + response.ReasonPhrase
            + (code is null ? "" : $" ({code})")
            + (detail is null ? "" : $": {detail}");
        return new RequestFailedException(response.Status, message, code, null);
    }

    private static (string? Code, string? Message) ReadError(Response response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            if (!document.RootElement.TryGetProperty("error", out var error))
                return (null, null);

            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            return (code, message is { Length: > MaxErrorMessageLength } ? message[..MaxErrorMessageLength]
                : message);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return (null, null);
        }
    }
}
