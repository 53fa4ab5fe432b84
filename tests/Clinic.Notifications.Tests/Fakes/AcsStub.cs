using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Azure.Core.Pipeline;
using Clinic.Notifications.Senders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>
/// A local HTTPS stand-in for the Azure Communication Services operations Email Send, Email Get Send Result
/// and SMS Send, on 127.0.0.1 and a free port. It checks each request as the documented API expects it
/// (method, path, api-version, the bearer token or the HMAC signature recomputed with its own access key,
/// the content hash, the body's fields), records it, and answers a request that fails a check with 400 and
/// the reason in <see cref="Problems"/>. Its answers follow the documentation unless a test sets
/// <see cref="Answer"/>.
/// </summary>
internal sealed class AcsStub : IAsyncDisposable
{
    public const string EmailApiVersion = "2023-03-31";
    public const string SmsApiVersion = "2021-03-07";
    public const string MessageId = "Outgoing_20260309140000_4f2b";

    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly StubAuthentication _authentication;
    private readonly byte[] _accessKey = RandomNumberGenerator.GetBytes(64);

    private AcsStub(WebApplication app, X509Certificate2 certificate, StubAuthentication authentication)
    {
        _app = app;
        _certificate = certificate;
        _authentication = authentication;
    }

    public Uri Endpoint { get; private set; } = null!;

    public string ConnectionString =>
        $"endpoint={Endpoint.AbsoluteUri};accesskey={Convert.ToBase64String(_accessKey)}";

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>Checks that requests failed; empty when every request was as documented.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>
    /// Statuses the email operation reports, one per status request; Succeeded once they run out.
    /// </summary>
    public ConcurrentQueue<string> EmailStatuses { get; } = new();

    /// <summary>The answer to a request that passed its checks; null keeps the documented default.</summary>
    public Func<StubRequest, StubAnswer?>? Answer { get; set; }

    public static async Task<AcsStub> StartAsync(StubAuthentication authentication)
    {
        var certificate = SelfSignedLoopbackCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var stub = new AcsStub(builder.Build(), certificate, authentication);
        stub._app.Run(stub.HandleAsync);
        await stub._app.StartAsync();
        stub.Endpoint = new Uri(stub._app.Urls.Single().TrimEnd('/') + "/");
        return stub;
    }

    /// <summary>Options of the senders for this stub, in its authentication scheme.</summary>
    public AcsSenderOptions SenderOptions() => new()
    {
        Endpoint = _authentication == StubAuthentication.Bearer ? Endpoint : null,
        ConnectionString = _authentication == StubAuthentication.AccessKey ? ConnectionString : null,
        SenderAddress = Samples.SenderAddress,
        FromNumber = Samples.FromNumber,
        Timeout = TimeSpan.FromSeconds(5),
        EmailStatusWait = TimeSpan.FromSeconds(5),
    };

    /// <summary>Client options that trust this stub's certificate only.</summary>
    public AcsClientOptions ClientOptions()
    {
        var thumbprint = _certificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate?.Thumbprint == thumbprint,
        };
        return new AcsClientOptions { Transport = new HttpClientTransport(handler) };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        var body = bytes.Length == 0 ? default : ParseOrDefault(bytes);
        var received = new StubRequest(request.Method, request.Path.Value ?? "",
            request.Query["api-version"].ToString(), request.Headers.Authorization.ToString(),
            request.Headers.TryGetValue("Operation-Id", out var id) ? id.ToString() : null,
            request.ContentType ?? "", body);
        Requests.Enqueue(received);

        var problem = CheckAuthentication(context, bytes) ?? CheckOperation(received, body);
        if (problem is not null)
        {
            Problems.Enqueue(problem);
            var refusal = new { error = new { code = "BadRequest", message = problem } };
            await WriteAsync(context, new StubAnswer(400, refusal));
            return;
        }

        await WriteAsync(context, Answer?.Invoke(received) ?? DefaultAnswer(received));
    }

    private string? CheckAuthentication(HttpContext context, byte[] body)
    {
        var headers = context.Request.Headers;
        if (_authentication == StubAuthentication.Bearer)
            return headers.Authorization == $"Bearer {FakeTokenCredential.Token}" ? null : "bearer token";

        var date = headers["x-ms-date"].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var sent)
            || (sent - DateTimeOffset.UtcNow).Duration() > MaxClockSkew)
            return $"x-ms-date {date}";

        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        if (headers["x-ms-content-sha256"] != contentHash)
            return "x-ms-content-sha256";

        // The signed path and query are the request target exactly as sent, before any decoding.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var toSign = $"{context.Request.Method}\n{target}\n{date};{context.Request.Host.Value};{contentHash}";
        var signature = Convert.ToBase64String(
            HMACSHA256.HashData(_accessKey, Encoding.ASCII.GetBytes(toSign)));
        var expected = $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}";
        return headers.Authorization == expected ? null : "HMAC signature";
    }

    private static string? CheckOperation(StubRequest request, JsonElement body) =>
        (request.Method, request.Path) switch
        {
            ("POST", "/emails:send") => CheckEmail(request, body),
            ("GET", var path) when path.StartsWith("/emails/operations/", StringComparison.Ordinal) =>
                request.ApiVersion != EmailApiVersion ? $"api-version {request.ApiVersion}"
                : Guid.TryParse(path["/emails/operations/".Length..], out _) ? null
                : $"operation id in {path}",
            ("POST", "/sms") => CheckSms(request, body),
            _ => $"{request.Method} {request.Path}",
        };

    private static string? CheckEmail(StubRequest request, JsonElement body) =>
        request.ApiVersion != EmailApiVersion ? $"api-version {request.ApiVersion}"
        : !request.ContentType.StartsWith("application/json", StringComparison.Ordinal) ? "content type"
        : !Guid.TryParse(request.OperationId, out _) ? "Operation-Id is not a UUID"
        : body.ValueKind != JsonValueKind.Object ? "body"
        : Text(body, "senderAddress") is null ? "senderAddress"
        : !body.TryGetProperty("content", out var content) || Text(content, "subject") is null
            || Text(content, "plainText") is null || Text(content, "html") is null ? "content"
        : !body.TryGetProperty("recipients", out var recipients)
            || !recipients.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array
            || to.GetArrayLength() != 1 || Text(to[0], "address") is null
            ? "recipients.to"
        : body.TryGetProperty("attachments", out var attachments) && !AttachmentsValid(attachments)
            ? "attachments"
        : null;

    private static bool AttachmentsValid(JsonElement attachments) =>
        attachments.ValueKind == JsonValueKind.Array && attachments.EnumerateArray().All(attachment =>
            Text(attachment, "name") is not null && Text(attachment, "contentType") is not null
            && attachment.TryGetProperty("contentInBase64", out var content)
            && content.TryGetBytesFromBase64(out _));

    private static string? CheckSms(StubRequest request, JsonElement body)
    {
        if (request.ApiVersion != SmsApiVersion)
            return $"api-version {request.ApiVersion}";

        if (body.ValueKind != JsonValueKind.Object || Text(body, "from") is null
            || Text(body, "message") is null)
            return "from or message";

        if (!body.TryGetProperty("smsRecipients", out var recipients)
            || recipients.ValueKind != JsonValueKind.Array || recipients.GetArrayLength() != 1
            || Text(recipients[0], "to") is null)
            return "smsRecipients";

        var recipient = recipients[0];
        var requestId = Text(recipient, "repeatabilityRequestId");
        if (requestId is not { Length: 36 } || !Guid.TryParse(requestId, out _))
            return "repeatabilityRequestId";

        if (!DateTimeOffset.TryParseExact(Text(recipient, "repeatabilityFirstSent"), "r",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            return "repeatabilityFirstSent";

        return body.TryGetProperty("smsSendOptions", out var options)
            && options.TryGetProperty("enableDeliveryReport", out var report)
            && report.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? null
                : "smsSendOptions.enableDeliveryReport";
    }

    private StubAnswer DefaultAnswer(StubRequest request)
    {
        if (request.Path == "/emails:send")
        {
            var location = new Uri(
                Endpoint, $"emails/operations/{request.OperationId}?api-version={EmailApiVersion}");
            var headers = new Dictionary<string, string>
            {
                ["Operation-Location"] = location.AbsoluteUri,
                ["retry-after"] = "0",
            };
            return new StubAnswer(202, new { id = request.OperationId, status = "Running" }, headers);
        }

        if (request.Method == "GET")
        {
            var id = request.Path["/emails/operations/".Length..];
            var status = EmailStatuses.TryDequeue(out var next) ? next : "Succeeded";
            return new StubAnswer(200, new { id, status }, StubAnswer.Header("retry-after", "0"));
        }

        var to = request.Body.GetProperty("smsRecipients")[0].GetProperty("to").GetString();
        return new StubAnswer(202, new
        {
            value = new[]
            {
                new { to, messageId = MessageId, httpStatusCode = 202, successful = true },
            },
        });
    }

    private static async Task WriteAsync(HttpContext context, StubAnswer answer)
    {
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;

        if (answer.Body is not null)
            await context.Response.WriteAsJsonAsync(answer.Body);
    }

    private static JsonElement ParseOrDefault(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

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
