namespace Clinic.Billing.Payments;

/// <summary>
/// The provider took the charge but has not decided it yet (a Stripe PaymentIntent still processing). Transient,
/// so the durable policy asks again; unlike a provider that did not answer, money may already be on its way, so
/// a workflow that runs out of attempts must not call it failed.
/// </summary>
public sealed class PaymentStillProcessingException : TransientPaymentException
{
    public PaymentStillProcessingException()
    {
    }

    public PaymentStillProcessingException(string message)
        : base(message)
    {
    }

    public PaymentStillProcessingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
