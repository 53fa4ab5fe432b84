using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Billing.Tests.Fakes;

/// <summary>
/// A local stand-in for Stripe's API on 127.0.0.1 and a free port. It checks each request as Stripe expects
/// it (method, path, bearer secret key, Idempotency-Key, form fields), records it, and answers with the JSON
/// Stripe returns; a request that fails a check is answered 400 and its reason kept in
/// <see cref="Problems"/>. <see cref="Answers"/> scripts the status of the next answers (default 200).
/// </summary>
internal sealed class StripeStub : IAsyncDisposable
{
    public const string SecretKey = "sk_test_clinic";

    private readonly WebApplication _app;

    private StripeStub(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<(string Path, string IdempotencyKey, Dictionary<string, string> Form)> Requests
    { get; } = new();

    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>Statuses of the next answers, in order: 200, 402 (card error), 429, 500.</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    public static async Task<StripeStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var stub = new StripeStub(builder.Build());
        stub._app.Run(stub.HandleAsync);
        await stub._app.StartAsync();
        stub.BaseAddress = new Uri(stub._app.Urls.Single());
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync()).ToDictionary(pair => pair.Key, pair => pair.Value.ToString())
            : [];
        var key = request.Headers["Idempotency-Key"].ToString();
        Requests.Enqueue((request.Path, key, form));

        var problem = Check(request, key, form);
        if (problem is not null)
        {
            Problems.Enqueue(problem);
            await Answer(context, 400, Error("invalid_request_error", "parameter_invalid", null));
            return;
        }

        var status = Answers.TryDequeue(out var next) ? next : 200;
        var body = status switch
        {
            200 when request.Path == "/v1/refunds" => Refund(form),
            200 => PaymentIntent(form),
            402 => Error("card_error", "card_declined", "insufficient_funds"),
            429 => Error("invalid_request_error", "rate_limit", null),
            _ => Error("api_error", null, null),
        };
        await Answer(context, status, body);
    }

    private static string? Check(HttpRequest request, string key, Dictionary<string, string> form)
    {
        if (request.Method != "POST")
            return "method " + request.Method;
        if (request.Headers.Authorization.ToString() != "Bearer " + SecretKey)
            return "authorization";
        if (string.IsNullOrEmpty(key))
            return "no Idempotency-Key";

        string[] required = request.Path.Value switch
        {
            "/v1/payment_intents" => ["amount", "currency", "payment_method", "confirm"],
            "/v1/refunds" => ["payment_intent", "amount"],
            _ => ["(unknown path " + request.Path + ")"],
        };
        var missing = required.Where(field => !form.ContainsKey(field)).ToList();
        if (missing.Count > 0)
            return "missing " + string.Join(",", missing);

        var confirm = form.GetValueOrDefault("confirm", "true");
        return confirm == "true" ? null : "confirm " + confirm;
    }

    private static string PaymentIntent(Dictionary<string, string> form) => $$"""
        {"id":"pi_3Q0clinic","object":"payment_intent","amount":{{form["amount"]}},
         "currency":"{{form["currency"]}}","status":"succeeded","payment_method":"pm_1Q0clinic",
         "latest_charge":{"id":"ch_3Q0clinic","object":"charge","amount":{{form["amount"]}},
           "status":"succeeded","paid":true,
           "payment_method_details":{"type":"card","card":{"brand":"visa","last4":"4242",
             "exp_month":12,"exp_year":2030} } } }
        """;

    private static string Refund(Dictionary<string, string> form) => $$"""
        {"id":"re_3Q0clinic","object":"refund","amount":{{form["amount"]}},"currency":"eur",
         "payment_intent":"{{form["payment_intent"]}}","status":"succeeded"}
        """;

    private static string Error(string type, string? code, string? declineCode) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["error"] = new Dictionary<string, string?>
            {
                ["type"] = type,
                ["code"] = code,
                ["decline_code"] = declineCode,
                ["message"] = "Stub error.",
            },
        });

    private static async Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
