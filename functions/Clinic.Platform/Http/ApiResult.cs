using System.Text.Json;
using Clinic.Platform.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Platform.Http;

/// <summary>
/// A response written with the API's own JSON conventions. It needs no MVC formatters, so the Functions app
/// and the local host produce byte-identical responses from the same function code.
/// </summary>
public sealed class ApiResult : IActionResult
{
    private readonly object? _body;
    private readonly string _contentType;

    private readonly byte[]? _serialized;

    internal ApiResult(int statusCode, object? body, string contentType = "application/json")
    {
        StatusCode = statusCode;
        _body = body;
        _contentType = contentType;
    }

    /// <summary>A response whose JSON body was serialized already (to hash it for an ETag).</summary>
    internal ApiResult(byte[] serialized, int statusCode)
    {
        StatusCode = statusCode;
        _serialized = serialized;
        _contentType = "application/json";
    }

    public int StatusCode { get; }

    public IDictionary<string, string> Headers { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Marks a response that carries personal data: no browser or proxy may keep a copy.</summary>
    public ApiResult NoStore()
    {
        Headers["Cache-Control"] = "no-store";
        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        CorrelationIds.Get(context.HttpContext);

        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
            response.Headers[name] = value;

        if (_serialized is not null)
        {
            response.ContentType = _contentType;
            response.ContentLength = _serialized.Length;
            await response.Body.WriteAsync(_serialized, context.HttpContext.RequestAborted);
            return;
        }

        if (_body is null)
            return;

        response.ContentType = _contentType;
        await JsonSerializer.SerializeAsync(
            response.Body, _body, _body.GetType(), ClinicJson.Options, context.HttpContext.RequestAborted);
    }
}
