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
/// <see cref="Problems"/>. <see cref="Answers"/> scripts the status of the next answers (default 200), and
/// <see cref="IntentStatuses"/> the status of the next PaymentIntents. As Stripe does, it keeps the answer
/// of each idempotency key and returns it to every repeat of the key.
/// </summary>
internal sealed class StripeStub : IAsyncDisposable
{
    public const string SecretKey = "sk_test_clinic";
    public const string IntentId = "pi_3Q0clinic";

    private readonly WebApplication _app;

    /// <summary>The first 200 answer to each path and Idempotency-Key.</summary>
    private readonly ConcurrentDictionary<string, string> _replays = new();

    private (string Amount, string Currency)? _created;

    private StripeStub(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Each request: its path, Idempotency-Key, and form fields (for a GET, its query).</summary>
    public ConcurrentQueue<(string Path, string IdempotencyKey, Dictionary<string, string> Form)> Requests
    { get; } = new();

    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>Statuses of the next answers, in order: 200, 402 (card error), 429, 500.</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    /// <summary>
    /// Statuses of the next PaymentIntents answered, created or read, in order (default <c>succeeded</c>):
    /// <c>processing</c>, <c>requires_action</c>, <c>requires_payment_method</c>. A repeated key's answer
    /// takes none.
    /// </summary>
    public ConcurrentQueue<string> IntentStatuses { get; } = new();

    /// <summary>The <c>Retry-After</c> header of 429 answers, in seconds; none when null.</summary>
    public string? RetryAfter { get; set; }


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
            : request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        var key = request.Headers["Idempotency-Key"].ToString();
        Requests.Enqueue((request.Path, key, form));

        var problem = Check(request, key, form);
        if (problem is not null)
        {
            Problems.Enqueue(problem);
            await Answer(context, 400, Error("invalid_request_error", "parameter_invalid", null));
            return;
        }

        // Reads are never replayed: they answer the current state.
        var replayKey = request.Method == "POST" ? $"{request.Path} {key}" : null;
        if (replayKey is not null && _replays.TryGetValue(replayKey, out var replayed))
        {
            await Answer(context, 200, replayed);
            return;
        }

        var status = Answers.TryDequeue(out var next) ? next : 200;
        var body = status switch
        {
            200 when request.Path == "/v1/refunds" => Refund(form),
            200 => Intent(request.Method, form),
            402 => Error("card_error", "card_declined", "insufficient_funds"),
            429 => Error("invalid_request_error", "rate_limit", null),
            _ => Error("api_error", null, null),
        };
        if (status == 200 && replayKey is not null)
            _replays.TryAdd(replayKey, body);
        if (status == 429 && RetryAfter is not null)
            context.Response.Headers.RetryAfter = RetryAfter;
        await Answer(context, status, body);
    }

    /// <summary>A PaymentIntent created, or the last one read, in the next scripted status.</summary>
    private string Intent(string method, Dictionary<string, string> form)
    {
        if (method == "POST")
            _created = (form["amount"], form["currency"]);
        var (amount, currency) = _created!.Value;
        var status = IntentStatuses.TryDequeue(out var next) ? next : "succeeded";
        return PaymentIntent(status, amount, currency);
    }

    private string? Check(HttpRequest request, string key, Dictionary<string, string> form)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + SecretKey)
            return "authorization";
        if (request.Method == "GET")
            return CheckRead(request, form);
        if (request.Method != "POST")
            return "method " + request.Method;
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

    /// <summary>A read of the PaymentIntent that the stub creates, its latest charge expanded.</summary>
    private string? CheckRead(HttpRequest request, Dictionary<string, string> query)
    {
        if (request.Path != "/v1/payment_intents/" + IntentId)
            return "(unknown path " + request.Path + ")";
        if (_created is null)
            return "a read before any PaymentIntent was created";
        if (request.ContentLength > 0 || request.HasFormContentType)
            return "a body on a GET";
        return query.Any(pair => pair.Key.StartsWith("expand", StringComparison.Ordinal)
            && pair.Value == "latest_charge")
            ? null
            : "latest_charge not expanded";
    }

    /// <summary>
    /// The PaymentIntent in <paramref name="status"/>: a charge once one was attempted, an error only after
    /// a failed attempt, a next action only where one is needed.
    /// </summary>
    private static string PaymentIntent(string status, string amount, string currency)
    {
        var charge = status switch
        {
            "succeeded" => Charge("succeeded", amount),
            "processing" => Charge("pending", amount),
            "requires_payment_method" => Charge("failed", amount),
            _ => "null",
        };
        var error = status == "requires_payment_method"
            ? """{"type":"card_error","code":"card_declined","decline_code":"generic_decline"}"""
            : "null";
        var nextAction = status == "requires_action"
            ? """{"type":"use_stripe_sdk","use_stripe_sdk":{}}"""
            : "null";
        return $$"""
            {"id":"{{IntentId}}","object":"payment_intent","amount":{{amount}},"currency":"{{currency}}",
             "status":"{{status}}","payment_method":"pm_1Q0clinic","latest_charge":{{charge}},
             "last_payment_error":{{error}},"next_action":{{nextAction}} }
            """;
    }

    private static string Charge(string status, string amount) => $$"""
        {"id":"ch_3Q0clinic","object":"charge","amount":{{amount}},"status":"{{status}}",
         "paid":{{(status == "succeeded" ? "true" : "false")}},
         "payment_method_details":{"type":"card","card":{"brand":"visa","last4":"4242",
           "exp_month":12,"exp_year":2030} } }
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
