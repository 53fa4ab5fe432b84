namespace Clinic.Billing.Payments;

/// <summary>
/// The payment provider could not answer now (timeout, throttling, server error, network). Thrown, never
/// returned, so that a durable retry policy retries the activity; retrying with the same idempotency key
/// cannot charge twice. A decline is an answer, not this exception.
/// </summary>
public class TransientPaymentException : Exception
{
    public TransientPaymentException()
    {
    }

    public TransientPaymentException(string message)
        : base(message)
    {
    }

    public TransientPaymentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
