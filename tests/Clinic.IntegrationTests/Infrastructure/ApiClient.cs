using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>Small request helpers so tests read as the flow they check.</summary>
public static class ApiClient
{
    public static HttpRequestMessage As(
        this HttpRequestMessage request,
        string? userId,
        params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (userId is not null)
            request.Headers.Add("x-ms-client-principal", RunningLocalHost.Principal(userId, roles));
        return request;
    }

    public static HttpRequestMessage AsRawPrincipal(this HttpRequestMessage request, string header)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.TryAddWithoutValidation("x-ms-client-principal", header);
        return request;
    }

    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    public static HttpRequestMessage Post(string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    public static HttpRequestMessage Put(string path, object body) =>
        new(HttpMethod.Put, path) { Content = JsonContent.Create(body) };

    public static JsonContent Json(object body) => JsonContent.Create(body);

    public static HttpRequestMessage PostRaw(
        string path,
        string body,
        string contentType = "application/json") =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
