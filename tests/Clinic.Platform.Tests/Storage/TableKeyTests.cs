using Clinic.Platform.Storage;

namespace Clinic.Platform.Tests.Storage;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("del\u007fchar")]
    [InlineData("c1\u0085control")]
    [InlineData("100%")]
    [InlineData("tilde~")]
    [InlineData("ümlaut")]
    public void Encode_forbiddenOrSpecialCharacters_neverAppearRawAndRoundTrip(string id)
    {
        var key = TableKey.Encode(id);

        Assert.DoesNotContain(
            key, c => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c) || c > '\u007e');
        Assert.Equal(id, TableKey.Decode(key));
    }

    [Fact]
    public void Encode_plainIds_passThroughUnchanged()
    {
        var key = TableKey.Encode("dr-amelia-hart_2.0");

        Assert.Equal("dr-amelia-hart_2.0", key);
    }

    [Fact]
    public void Encode_differentIds_neverShareAKey()
    {
        var first = TableKey.Encode("a~2F");
        var second = TableKey.Encode("a/");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Encode_overlongId_isRefused()
    {
        var id = new string('x', TableKey.MaxEncodedLength + 1);

        Assert.Throws<ArgumentException>(() => TableKey.Encode(id));
    }

    [Fact]
    public void CanEncode_idThatGrowsPastTheBoundWhenEncoded_isFalse()
    {
        var slashes = new string('/', 256);

        var encodable = TableKey.CanEncode(slashes);

        Assert.False(encodable);
        Assert.True(TableKey.CanEncode(new string('/', 170)));
    }
}
