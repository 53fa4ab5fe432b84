using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Clinic.Notifications.Senders;

/// <summary>
/// Signs each request with the resource's access key, as Azure Communication Services documents for
/// callers without its SDK: HMAC-SHA256 over <c>VERB\nPathAndQuery\nDate;Host;ContentHash</c>, sent in
/// <c>Authorization</c> beside the <c>x-ms-date</c> and <c>x-ms-content-sha256</c> headers it covers.
/// </summary>
internal sealed class AcsHmacAuthenticationPolicy(byte[] accessKey, TimeProvider timeProvider)
    : HttpPipelinePolicy
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Sign(message, ContentHash(message));
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(
        HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Sign(message, ContentHash(message));
        await ProcessNextAsync(message, pipeline);
    }

    /// <summary>The string to sign, shared with the test stand-in that checks signatures.</summary>
    public static string StringToSign(string method, string pathAndQuery, string date, string host,
        string contentHash) =>
        $"{method}\n{pathAndQuery}\n{date};{host};{contentHash}";

    public static string Signature(byte[] accessKey, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.ASCII.GetBytes(stringToSign)));

    private void Sign(HttpMessage message, string contentHash)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        var date = timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var toSign = StringToSign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);

        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue(HttpHeader.Names.Authorization,
            $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={Signature(accessKey, toSign)}");
    }

    /// <summary>
    /// The body's SHA-256, base64. Bodies here are small buffers built in memory, so writing them once more
    /// into the hash costs nothing worth streaming for; a request without a body hashes the empty string.
    /// </summary>
    private static string ContentHash(HttpMessage message)
    {
        using var buffer = new MemoryStream();
        message.Request.Content?.WriteTo(buffer, message.CancellationToken);
        return Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}
