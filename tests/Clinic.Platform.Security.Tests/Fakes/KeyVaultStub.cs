using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Security.Tests.Fakes;

/// <summary>
/// A local HTTPS stand-in for Key Vault's wrapkey and unwrapkey operations, on 127.0.0.1 and a free port. It
/// checks each request as the documented API expects it (method, path, api-version, bearer token, JSON body
/// with alg RSA-OAEP-256 and an unpadded base64url value), records what it saw, and answers a request that
/// fails a check with 400 and the reason. It wraps with a real RSA key, so round trips work.
/// </summary>
internal sealed class KeyVaultStub : IAsyncDisposable
{
    public const string KeyName = "billing-logs";
    public const string KeyVersion = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public const string ApiVersion = KeyVaultKeyClientOptions.DefaultApiVersion;

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;

    private KeyVaultStub(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public Uri KeyId => new(BaseAddress, $"keys/{KeyName}/{KeyVersion}");

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>Checks that requests failed; empty when every request was as documented.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>When set, every request is refused with this status, as Key Vault refuses a caller.</summary>
    public HttpStatusCode? Refuse { get; set; }

    public static async Task<KeyVaultStub> StartAsync()
    {
        var certificate = SelfSignedLoopbackCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var stub = new KeyVaultStub(builder.Build(), certificate);
        stub._app.Run(stub.HandleAsync);
        await stub._app.StartAsync();
        stub.BaseAddress = new Uri(stub._app.Urls.Single().TrimEnd('/') + "/");
        return stub;
    }

    /// <summary>Client options that trust this stub's certificate only, and do not retry.</summary>
    public KeyVaultKeyClientOptions ClientOptions()
    {
        var thumbprint = _certificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate?.Thumbprint == thumbprint,
        };
        var options = new KeyVaultKeyClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.MaxRetries = 0;
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
        _certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement.Clone();
        Requests.Enqueue(new StubRequest(request.Method, request.Path.Value ?? "",
            request.Query["api-version"].ToString(), request.Headers.Authorization.ToString(),
            request.ContentType ?? "", root));

        if (Refuse is { } status)
        {
            await Answer(context, (int)status, new { error = new { code = "Forbidden",
                message = "Operation unwrapKey is not permitted on this key." } });
            return;
        }

        var problem = Check(request, root, out var operation, out var value);
        if (problem is not null)
        {
            Problems.Enqueue(problem);
            await Answer(context, 400, new { error = new { code = "BadParameter", message = problem } });
            return;
        }

        var result = operation == "wrapkey"
            ? _rsa.Encrypt(value, RSAEncryptionPadding.OaepSHA256)
            : _rsa.Decrypt(value, RSAEncryptionPadding.OaepSHA256);
        await Answer(context, 200, new { kid = KeyId.AbsoluteUri, value = Base64Url.EncodeToString(result) });
    }

    private static string? Check(
        HttpRequest request, JsonElement body, out string operation, out byte[] value)
    {
        value = [];
        var segments = (request.Path.Value ?? "").Trim('/').Split('/');
        operation = segments.Length == 4 ? segments[3] : "";
        var alg = body.TryGetProperty("alg", out var a) ? a.GetString() : null;
        var encoded = body.TryGetProperty("value", out var v) ? v.GetString() : null;
        var problem =
            request.Method != HttpMethods.Post ? $"method {request.Method}"
            : segments.Length != 4 || segments[0] != "keys" || segments[1] != KeyName
                || segments[2] != KeyVersion || operation is not ("wrapkey" or "unwrapkey")
                ? $"path {request.Path}"
            : request.Query["api-version"] != ApiVersion ? $"api-version {request.Query["api-version"]}"
            : request.Headers.Authorization != $"Bearer {FakeTokenCredential.Token}" ? "authorization header"
            : request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true
                ? $"content type {request.ContentType}"
            : alg != KeyWrapAlgorithms.RsaOaep256 ? $"alg {alg}"
            : encoded is null || encoded.Length == 0 || encoded.IndexOfAny(['+', '/', '=']) >= 0
                ? "value is not unpadded base64url"
            : null;
        if (problem is null && !TryDecode(encoded!, out value))
            problem = "value does not decode as base64url";

        return problem;
    }

    private static bool TryDecode(string encoded, out byte[] value)
    {
        try
        {
            value = Base64Url.DecodeFromChars(encoded);
            return true;
        }
        catch (FormatException)
        {
            value = [];
            return false;
        }
    }

    private static Task Answer(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body);
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
