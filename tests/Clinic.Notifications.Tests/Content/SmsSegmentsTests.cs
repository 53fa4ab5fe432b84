using Clinic.Notifications.Content;

namespace Clinic.Notifications.Tests.Content;

public sealed class SmsSegmentsTests
{
    private const string Emoji = "\U0001F600";

    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Count_gsm7Letters_takes160SingleAnd153PerPart(int length, int expected)
    {
        var text = new string('a', length);

        var segments = SmsSegments.Count(text);

        Assert.Equal(expected, segments);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.EncodingOf(text));
    }

    [Theory]
    [InlineData('€')]
    [InlineData('[')]
    [InlineData(']')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('^')]
    [InlineData('~')]
    [InlineData('\\')]
    [InlineData('|')]
    public void Count_extensionCharacter_takesTwoSeptets(char extension)
    {
        var fits = new string('a', 158) + extension;
        var overflows = new string('a', 159) + extension;

        var (fitting, overflowing) = (SmsSegments.Count(fits), SmsSegments.Count(overflows));

        Assert.Equal(1, fitting);
        Assert.Equal(2, overflowing);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.EncodingOf(overflows));
    }

    [Fact]
    public void Count_extensionCharacterAtAPartBoundary_movesWholeToTheNextPart()
    {
        // 306 septets would fill two parts exactly, but the euro sign's two septets cannot straddle them.
        var text = new string('a', 152) + "€" + new string('a', 152);

        var segments = SmsSegments.Count(text);

        Assert.Equal(3, segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Count_ucs2Letters_takes70SingleAnd67PerPart(int length, int expected)
    {
        var text = new string('ł', length);

        var segments = SmsSegments.Count(text);

        Assert.Equal(expected, segments);
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf(text));
    }

    [Fact]
    public void Count_oneNonGsmCharacter_sendsTheWholeTextAsUcs2()
    {
        var text = new string('a', 70) + "ő";

        var segments = SmsSegments.Count(text);

        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf(text));
        Assert.Equal(2, segments);
    }

    [Theory]
    [InlineData(35, 1)]
    [InlineData(36, 2)]
    public void Count_emoji_takesTwoCodeUnitsEach(int emojis, int expected)
    {
        var text = string.Concat(Enumerable.Repeat(Emoji, emojis));

        var segments = SmsSegments.Count(text);

        Assert.Equal(expected, segments);
    }

    [Fact]
    public void Count_surrogatePairAtAPartBoundary_isNotSplit()
    {
        // 134 code units would fill two parts exactly, but the emoji's pair cannot straddle them.
        var text = new string('ł', 66) + Emoji + new string('ł', 66);

        var segments = SmsSegments.Count(text);

        Assert.Equal(3, segments);
    }

    [Theory]
    [InlineData("Rendez-vous confirmé à 15:00, Straße, España, Øresund, §3 ¿?")]
    [InlineData("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà")]
    public void EncodingOf_gsm7AlphabetBeyondAscii_isGsm7(string text)
    {
        var encoding = SmsSegments.EncodingOf(text);

        Assert.Equal(SmsEncoding.Gsm7, encoding);
    }

    [Theory]
    [InlineData("façade")]
    [InlineData("está")]
    [InlineData("Łódź")]
    [InlineData("`")]
    public void EncodingOf_characterOutsideGsm7_isUcs2(string text)
    {
        var encoding = SmsSegments.EncodingOf(text);

        Assert.Equal(SmsEncoding.Ucs2, encoding);
    }

    [Fact]
    public void Count_emptyText_isOneSegment()
    {
        var segments = SmsSegments.Count("");

        Assert.Equal(1, segments);
    }
}
