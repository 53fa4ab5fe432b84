namespace Clinic.Billing.Payments;

/// <summary>Guards against card numbers sent where a provider's token belongs.</summary>
public static class PaymentTokens
{
    /// <summary>
    /// True for 12-19 digits, with or without spaces or dashes between them: the shape of a card number
    /// (PAN). Such a value is refused and never logged, stored or forwarded.
    /// </summary>
    public static bool LooksLikeCardNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return false;

        var digits = 0;
        foreach (var c in value.Trim())
        {
            if (char.IsAsciiDigit(c))
                digits++;
            else if (c is not (' ' or '-'))
                return false;
        }

        return digits is >= 12 and <= 19;
    }

    /// <summary>Throws for a missing token or a card number: callers refuse those first.</summary>
    public static void ThrowIfNotToken(string paymentToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentToken);
        if (LooksLikeCardNumber(paymentToken))
            throw new ArgumentException(
                "Card numbers are never accepted; send a token.", nameof(paymentToken));
    }
}
