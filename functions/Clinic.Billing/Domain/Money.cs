using Clinic.Platform.Errors;

namespace Clinic.Billing.Domain;

/// <summary>
/// An amount in one currency. Always a <see cref="decimal"/> with no more decimals than the currency's minor
/// units, never a floating-point number: 0.1 + 0.2 must be 0.3 on an invoice.
/// </summary>
public readonly record struct Money
{
    private Money(decimal amount, string currency)
    {
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    /// <summary>The upper-case ISO 4217 code.</summary>
    public string Currency { get; }

    /// <summary>
    /// A non-negative amount in a supported currency with at most that currency's decimals; the currency code
    /// is accepted in any case and kept upper-case.
    /// </summary>
    public static Result<Money> Create(decimal amount, string? currency)
    {
        var code = currency?.Trim().ToUpperInvariant();
        if (!Currencies.IsSupported(code))
            return Failure.Validation("currency", "Use a supported ISO 4217 currency code.");

        if (amount < 0)
            return Failure.Validation("amount", "An amount cannot be negative.");

        var minorUnits = Currencies.MinorUnits(code!);
        if (Scale(amount) > minorUnits)
            return Failure.Validation("amount", $"{code} amounts have at most {minorUnits} decimals.");

        return new Money(amount, code!);
    }

    /// <summary>As <see cref="Create"/>, throwing on a value that is not money (known values).</summary>
    public static Money Of(decimal amount, string currency)
    {
        var money = Create(amount, currency);
        return money.Succeeded
            ? money.Value
            : throw new ArgumentException(money.Failure.Errors?.Values.First()[0], nameof(amount));
    }

    /// <summary>The amount in minor units (cents, or yen), as providers and storage take it.</summary>
    public long ToMinorUnits() => decimal.ToInt64(Amount * Pow10(Currencies.MinorUnits(Currency)));

    public static Money FromMinorUnits(long minorUnits, string currency)
    {
        var code = currency.ToUpperInvariant();
        return Of(minorUnits / Pow10(Currencies.MinorUnits(code)), code);
    }

    public override string ToString() =>
        Amount.ToString(
            "F" + Currencies.MinorUnits(Currency), System.Globalization.CultureInfo.InvariantCulture)
        + " " + Currency;

    /// <summary>Decimals that carry a value: 12.50m has one, although it was written with two.</summary>
    private static int Scale(decimal amount)
    {
        var normalized = amount / 1.0000000000000000000000000000m;
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }
}
