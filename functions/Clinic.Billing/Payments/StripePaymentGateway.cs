using System.Net;
using Clinic.Platform.Resilience;
using Stripe;

namespace Clinic.Billing.Payments;

/// <summary>
/// Charges through Stripe: a PaymentIntent created and confirmed in one call with the token as its payment
/// method, refunds of that PaymentIntent, both with Stripe idempotency keys. A card error is a decline;
/// throttling, server and network failures become <see cref="TransientPaymentException"/>, and so does a
/// PaymentIntent still processing, whose outcome is not known yet. Stripe.net's own retries are off, so a
/// call is one request (two for a processing PaymentIntent): the breaker and the timeout are around every
/// gateway (<see cref="ResilientPaymentGateway"/>), and retries are the workflows' durable ones.
/// </summary>
public sealed class StripePaymentGateway : IPaymentGateway
{
    /// <summary>
    /// The decline of a PaymentIntent that asks for the cardholder's authentication (3-D Secure): a confirm
    /// without a return URL cannot ask for it.
    /// </summary>
    public const string AuthenticationRequired = "authentication_required";

    /// <summary>The decline of a failed attempt that Stripe gave no reason for.</summary>
    public const string PaymentMethodRequired = "payment_method_required";

    private const string Processing = "processing";

    private readonly PaymentIntentService _paymentIntents;
    private readonly RefundService _refunds;

    public StripePaymentGateway(StripeGatewayOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.SecretKey);

        var client = new StripeClient(
            options.SecretKey,
            httpClient: new SystemNetHttpClient(httpClient, maxNetworkRetries: 0, enableTelemetry: false),
            apiBase: options.ApiBase.ToString().TrimEnd('/'));
        _paymentIntents = new PaymentIntentService(client);
        _refunds = new RefundService(client);
    }

    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.IdempotencyKey);
        PaymentTokens.ThrowIfNotToken(request.PaymentToken);

        var create = new PaymentIntentCreateOptions
        {
            Amount = request.Amount.ToMinorUnits(),
            Currency = request.Amount.Currency.ToLowerInvariant(),
            PaymentMethod = request.PaymentToken,
            // Cards only, never a redirect: a confirm without a return URL must not need one.
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions
            {
                Enabled = true,
                AllowRedirects = "never",
            },
            Confirm = true,
            Metadata = new Dictionary<string, string> { ["invoice_id"] = request.InvoiceId },
            Expand = ["latest_charge"],
        };
        var intent = await CallAsync(
            () => _paymentIntents.CreateAsync(create, Idempotent(request.IdempotencyKey), cancellationToken));

        // Processing may still end either way. Stripe answers every repeat of an idempotency key with its
        // first answer, processing again, so this call and each retry of it read the intent's current state.
        if (intent.Value is { Status: Processing } processing)
        {
            var read = new PaymentIntentGetOptions { Expand = ["latest_charge"] };
            intent = await CallAsync(
                () => _paymentIntents.GetAsync(processing.Id, read, null, cancellationToken));
        }

        return Answer(intent);
    }

    public async Task<ChargeResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.IdempotencyKey);

        var create = new RefundCreateOptions
        {
            PaymentIntent = request.PaymentReference,
            Amount = request.Amount.ToMinorUnits(),
        };
        var refund = await CallAsync(
            () => _refunds.CreateAsync(create, Idempotent(request.IdempotencyKey), cancellationToken));
        return refund switch
        {
            { Error: { } error } => ChargeResult.Decline(error),
            { Value.Status: "succeeded" or "pending" } => ChargeResult.Approve(refund.Value.Id, null),
            _ => ChargeResult.Decline(refund.Value!.FailureReason ?? refund.Value.Status),
        };
    }

    /// <exception cref="PaymentStillProcessingException">
    /// Still processing: not a decline, since the charge may yet complete, so the durable retry policy asks
    /// again later.
    /// </exception>
    private static ChargeResult Answer(StripeAnswer<PaymentIntent> intent) => intent switch
    {
        { Error: { } error } => ChargeResult.Decline(error),
        { Value.Status: "succeeded" } => ChargeResult.Approve(
            intent.Value.Id, intent.Value.LatestCharge?.PaymentMethodDetails?.Card?.Last4),
        { Value.Status: Processing } => throw new PaymentStillProcessingException(
            "Stripe is still processing the payment; its outcome is not known yet."),
        { Value.Status: "requires_action" } => ChargeResult.Decline(AuthenticationRequired),
        { Value.Status: "requires_payment_method" } => ChargeResult.Decline(
            intent.Value.LastPaymentError?.Code ?? PaymentMethodRequired),
        _ => ChargeResult.Decline(intent.Value!.LastPaymentError?.Code ?? intent.Value.Status),
    };

    private static RequestOptions Idempotent(string key) => new() { IdempotencyKey = key };

    /// <summary>
    /// The object Stripe returned, or the code of a refusal that retrying cannot change (card errors and
    /// invalid requests); everything that might succeed later is thrown as transient.
    /// </summary>
    private static async Task<StripeAnswer<T>> CallAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return new StripeAnswer<T>(await call(), null);
        }
        catch (StripeException exception) when (IsTransient(exception))
        {
            throw new TransientPaymentException(
                $"Stripe could not answer ({(int)exception.HttpStatusCode}).", exception);
        }
        catch (StripeException exception) when (exception.StripeError?.Type
            is "card_error" or "invalid_request_error")
        {
            var error = exception.StripeError;
            return new StripeAnswer<T>(null, error.DeclineCode ?? error.Code ?? error.Type);
        }
        catch (Exception exception) when (DependencyFailures.IsUnavailable(exception, out _))
        {
            throw new TransientPaymentException("Stripe could not be reached.", exception);
        }
    }

    private static bool IsTransient(StripeException exception) =>
        exception.HttpStatusCode is 0 or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)exception.HttpStatusCode >= 500
        || exception.StripeError?.Type is "api_connection_error" or "rate_limit_error";
}
