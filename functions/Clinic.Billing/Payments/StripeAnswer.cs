namespace Clinic.Billing.Payments;

/// <summary>What Stripe returned: an object, or the code of a final refusal.</summary>
internal sealed record StripeAnswer<T>(T? Value, string? Error)
    where T : class;
