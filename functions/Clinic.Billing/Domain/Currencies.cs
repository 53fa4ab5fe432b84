namespace Clinic.Billing.Domain;

/// <summary>
/// The ISO 4217 currencies billing accepts, each with its number of minor units (decimal places). A small
/// table on purpose: a currency is added when a clinic bills in it, with its minor units checked against ISO.
/// </summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> MinorUnitsByCode = new(StringComparer.Ordinal)
    {
        ["USD"] = 2,
        ["EUR"] = 2,
        ["GBP"] = 2,
        ["CHF"] = 2,
        ["CAD"] = 2,
        ["AUD"] = 2,
        ["INR"] = 2,
        ["JPY"] = 0,
        ["KRW"] = 0,
        ["BHD"] = 3,
        ["KWD"] = 3,
    };

    public static bool IsSupported(string? code) => code is not null && MinorUnitsByCode.ContainsKey(code);

    /// <summary>The decimal places of <paramref name="code"/>, an upper-case ISO 4217 code.</summary>
    public static int MinorUnits(string code) =>
        MinorUnitsByCode.TryGetValue(code, out var units)
            ? units
            : throw new ArgumentException($"Currency {code} is not supported.", nameof(code));
}
