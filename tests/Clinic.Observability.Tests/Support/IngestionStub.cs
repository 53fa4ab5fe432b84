using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Observability.Tests.Support;

/// <summary>
/// A stand-in for the Application Insights ingestion endpoint on a free loopback port: it accepts every
/// item and keeps each request's path and body, so a test can see what the Azure Monitor exporter sent.
/// </summary>
public sealed class IngestionStub : IAsyncDisposable
{
    private readonly ConcurrentQueue<IngestionRequest> _requests = new();
    private readonly WebApplication _app;

    private IngestionStub(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:{Port}/";

    public IReadOnlyList<IngestionRequest> Requests => [.. _requests];

    public static async Task<IngestionStub> StartAsync()
    {
        // The exporter also reports on itself to Microsoft's statsbeat endpoint; a test sends nothing away.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        var stub = new IngestionStub(builder.Build());
        stub._app.MapPost("/{**path}", (Delegate)stub.ReceiveAsync);
        await stub._app.StartAsync();
        stub.Port = new Uri(stub._app.Urls.Single()).Port;
        return stub;
    }

    /// <summary>The first request whose body contains <paramref name="text"/>, waiting for it.</summary>
    public async Task<IngestionRequest?> WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_requests.FirstOrDefault(request => request.Body.Contains(text, StringComparison.Ordinal))
                is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return null;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request);
        _requests.Enqueue(new IngestionRequest(context.Request.Path, body));

        // The answer ingestion gives when it accepts everything; one JSON item per line was sent.
        var items = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return Results.Json(
            new { itemsReceived = items, itemsAccepted = items, errors = Array.Empty<object>() });
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        var gzip = request.Headers.ContentEncoding.ToString()
            .Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var body = gzip
            ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true)
            : request.Body;

        // The request's own stream belongs to the server; only the decompressing wrapper is ours to close.
        using var reader = new StreamReader(
            body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: -1, leaveOpen: !gzip);
        return await reader.ReadToEndAsync();
    }
}
