using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Clinic.Billing.Payments;

/// <summary>
/// A payment provider for development and tests, selected with <c>Billing:Gateway = Simulated</c>. Tokens:
/// <list type="bullet">
/// <item><c>tok_approve</c>: approved, card ending 4242.</item>
/// <item><c>tok_decline</c>: declined with <c>card_declined</c>.</item>
/// <item><c>tok_transient_N</c>: the first N calls of a key fail transiently, then approved.</item>
/// <item><c>tok_timeout</c>: every call times out (transiently).</item>
/// <item><c>tok_refund_transient_N</c>: approved, card ending 4242; the first N refund calls of each refund
/// key fail transiently, then the refund is approved.</item>
/// <item>anything else: declined with <c>invalid_token</c>.</item>
/// </list>
/// As a real provider does, it keeps the first answer of each idempotency key and returns it to every repeat,
/// so one key never charges twice. State lives in memory, per process.
/// </summary>
public sealed class SimulatedPaymentGateway : IPaymentGateway
{
    public const string ApproveToken = "tok_approve";
    public const string DeclineToken = "tok_decline";
    public const string TransientTokenPrefix = "tok_transient_";
    public const string TimeoutToken = "tok_timeout";
    public const string RefundTransientTokenPrefix = "tok_refund_transient_";
    public const string CardLast4 = "4242";

    private readonly ConcurrentDictionary<string, KeyState> _keys = new(StringComparer.Ordinal);
    /// <summary>Each approved charge's reference, with the transient failures its refunds begin with.</summary>
    private readonly ConcurrentDictionary<string, int> _charges = new(StringComparer.Ordinal);
    private int _captures;
    private int _refunds;

    /// <summary>How many charges were approved, across all keys; a replay adds none.</summary>
    public int Captures => Volatile.Read(ref _captures);

    /// <summary>How many refunds were approved, across all keys; a replay adds none.</summary>
    public int Refunds => Volatile.Read(ref _refunds);

    // Failures arrive in the returned task, as from a real provider's asynchronous call.
    public Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(ChargeOnce(request));
        }
        catch (Exception exception) when (exception is TransientPaymentException or ArgumentException)
        {
            return Task.FromException<ChargeResult>(exception);
        }
    }

    public Task<ChargeResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(RefundOnce(request));
        }
        catch (Exception exception) when (exception is TransientPaymentException or ArgumentException)
        {
            return Task.FromException<ChargeResult>(exception);
        }
    }

    private ChargeResult RefundOnce(RefundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.IdempotencyKey);

        var state = _keys.GetOrAdd("refund:" + request.IdempotencyKey, _ => new KeyState());
        lock (state)
        {
            state.Result ??= Refund(request, state);
            return state.Result;
        }
    }

    /// <summary>The answer to a refund key's first completed call; throws while the key fails.</summary>
    private ChargeResult Refund(RefundRequest request, KeyState state)
    {
        if (!_charges.TryGetValue(request.PaymentReference, out var failures))
            return ChargeResult.Decline("unknown_payment");

        if (state.TransientFailures < failures)
        {
            state.TransientFailures++;
            throw new TransientPaymentException("The simulated provider answered 503 to the refund.");
        }

        Interlocked.Increment(ref _refunds);
        return ChargeResult.Approve("sim_re_" + Digest(request.IdempotencyKey), null);
    }

    private ChargeResult ChargeOnce(ChargeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.IdempotencyKey);
        PaymentTokens.ThrowIfNotToken(request.PaymentToken);

        var state = _keys.GetOrAdd("charge:" + request.IdempotencyKey, _ => new KeyState());
        lock (state)
        {
            state.Result ??= Charge(request, state);
            return state.Result;
        }
    }

    /// <summary>The answer to a key's first completed call; throws while the key fails transiently.</summary>
    private ChargeResult Charge(ChargeRequest request, KeyState state)
    {
        var token = request.PaymentToken;
        if (token == TimeoutToken)
            throw new TransientPaymentException("The simulated provider timed out.", new TimeoutException());

        var failures = Count(token, TransientTokenPrefix);
        if (state.TransientFailures < failures)
        {
            state.TransientFailures++;
            throw new TransientPaymentException("The simulated provider answered 503.");
        }

        var refundFailures = Count(token, RefundTransientTokenPrefix);
        if (token != ApproveToken && failures < 0 && refundFailures < 0)
            return ChargeResult.Decline(token == DeclineToken ? "card_declined" : "invalid_token");

        var reference = "sim_ch_" + Digest(request.IdempotencyKey);
        _charges.TryAdd(reference, Math.Max(refundFailures, 0));
        Interlocked.Increment(ref _captures);
        return ChargeResult.Approve(reference, CardLast4);
    }

    /// <summary>N of a token <paramref name="prefix"/> + N; -1 for any other token.</summary>
    private static int Count(string token, string prefix) =>
        token.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(token.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture,
            out var failures)
            ? failures
            : -1;

    private static string Digest(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 12));

    private sealed class KeyState
    {
        public int TransientFailures { get; set; }

        public ChargeResult? Result { get; set; }
    }
}
