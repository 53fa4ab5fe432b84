using Clinic.Billing.Domain;

namespace Clinic.Billing.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("12.34", "USD", 1234)]
    [InlineData("12.5", "eur", 1250)]
    [InlineData("5000", "JPY", 5000)]
    [InlineData("1500.00", "INR", 150000)]
    [InlineData("1.234", "BHD", 1234)]
    public void Create_amountWithinMinorUnits_convertsToMinorUnitsExactly(
        string amount, string currency, long minorUnits)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var money = Money.Create(value, currency);

        Assert.True(money.Succeeded);
        Assert.Equal(minorUnits, money.Value.ToMinorUnits());
        Assert.Equal(currency.ToUpperInvariant(), money.Value.Currency);
    }

    [Theory]
    [InlineData("12.345", "USD")]
    [InlineData("100.5", "JPY")]
    [InlineData("0.001", "EUR")]
    public void Create_moreDecimalsThanTheCurrencyHas_isRefused(string amount, string currency)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var money = Money.Create(value, currency);

        Assert.False(money.Succeeded);
        Assert.Contains("amount", money.Failure.Errors!.Keys);
    }

    [Theory]
    [InlineData("QQQ")]
    [InlineData("")]
    [InlineData(null)]
    public void Create_unknownCurrency_isRefused(string? currency)
    {
        var money = Money.Create(10m, currency);

        Assert.False(money.Succeeded);
        Assert.Contains("currency", money.Failure.Errors!.Keys);
    }

    [Fact]
    public void Create_negativeAmount_isRefused()
    {
        var money = Money.Create(-1m, "USD");

        Assert.False(money.Succeeded);
    }

    [Fact]
    public void Create_trailingZerosBeyondMinorUnits_areNotDecimalsThatCount()
    {
        var money = Money.Create(5000.000m, "JPY");

        Assert.True(money.Succeeded);
        Assert.Equal(5000, money.Value.ToMinorUnits());
    }

    [Fact]
    public void FromMinorUnits_roundTrip_keepsTheExactAmount()
    {
        var money = Money.FromMinorUnits(8525, "EUR");

        Assert.Equal(85.25m, money.Amount);
        Assert.Equal("85.25 EUR", money.ToString());
    }
}
