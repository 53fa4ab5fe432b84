using Clinic.Notifications.Templates;

namespace Clinic.Notifications.Tests.Templates;

public sealed class SmsNameShortenerTests
{
    [Theory]
    [InlineData("Dr. Claire Dubois")]
    [InlineData("Dr. Amelia Hartwell")]
    public void Shorten_nameOfAtMost20Characters_keepsIt(string name)
    {
        var shortened = SmsNameShortener.Shorten(name);

        Assert.Equal(name, shortened);
    }

    [Theory]
    [InlineData("Dr. Maximiliana Wiśniewska-Łukasiewicz", "Dr. Maximiliana")]
    [InlineData("Dr. Ana María Fernández de la Vega", "Dr. Ana María")]
    [InlineData("Riverside Family Health Centre", "Riverside Family")]
    public void Shorten_longerName_keepsTheLeadingWholeWords(string name, string expected)
    {
        var shortened = SmsNameShortener.Shorten(name);

        Assert.Equal(expected, shortened);
    }

    [Fact]
    public void Shorten_firstWordLongerThanTheLimit_cutsItAndEndsWithAFullStop()
    {
        var shortened = SmsNameShortener.Shorten("Wolfeschlegelsteinhausenbergerdorff");

        Assert.Equal("Wolfeschlegelsteinh.", shortened);
        Assert.Equal(SmsNameShortener.MaxLength, shortened.Length);
    }

    [Fact]
    public void Shorten_cutThroughASurrogatePair_dropsThePairWhole()
    {
        var name = new string('a', 18) + "\U0001F600" + "bbbb";

        var shortened = SmsNameShortener.Shorten(name);

        Assert.Equal(new string('a', 18) + ".", shortened);
    }
}
