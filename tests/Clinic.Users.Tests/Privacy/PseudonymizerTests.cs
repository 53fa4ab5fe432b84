using Clinic.Platform.Privacy;
using Clinic.Users.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests.Privacy;

public sealed class PseudonymizerTests
{
    private const string UserId = "d75b260a64504067bfc5b2905e3b8182";

    [Fact]
    public void Pseudonymize_SameIdAndKey_GivesTheSamePseudonym()
    {
        var first = TestPrivacy.Pseudonymizer(fill: 1);
        var second = TestPrivacy.Pseudonymizer(fill: 1);

        var pseudonyms = (first.Pseudonymize(UserId), second.Pseudonymize(UserId));

        Assert.Equal(pseudonyms.Item1, pseudonyms.Item2);
    }

    [Fact]
    public void Pseudonymize_DifferentKeys_GiveDifferentPseudonyms()
    {
        var first = TestPrivacy.Pseudonymizer(fill: 1);
        var second = TestPrivacy.Pseudonymizer(fill: 2);

        var pseudonyms = (first.Pseudonymize(UserId), second.Pseudonymize(UserId));

        Assert.NotEqual(pseudonyms.Item1, pseudonyms.Item2);
    }

    [Fact]
    public void Pseudonymize_DifferentIds_GiveDifferentPseudonyms()
    {
        var pseudonymizer = TestPrivacy.Pseudonymizer();

        var pseudonyms = (pseudonymizer.Pseudonymize("user-a"), pseudonymizer.Pseudonymize("user-b"));

        Assert.NotEqual(pseudonyms.Item1, pseudonyms.Item2);
    }

    [Theory]
    [InlineData(UserId)]
    [InlineData("u_0123456789abcdef0123456789abcdef")]
    [InlineData("patient@example.test")]
    public void Pseudonymize_AnyId_NeverEqualsOrContainsTheId(string id)
    {
        var pseudonymizer = TestPrivacy.Pseudonymizer();

        var pseudonym = pseudonymizer.Pseudonymize(id);

        Assert.NotEqual(id, pseudonym);
        Assert.DoesNotContain(id, pseudonym, StringComparison.Ordinal);
    }

    [Fact]
    public void Pseudonymize_AnyId_HasThePrefixAnd32LowercaseHexDigits()
    {
        var pseudonymizer = TestPrivacy.Pseudonymizer();

        var pseudonym = pseudonymizer.Pseudonymize(UserId);

        Assert.Matches("^u_[0-9a-f]{32}$", pseudonym);
        Assert.True(Pseudonymizer.IsPseudonym(pseudonym));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("u_0123")]
    [InlineData("u_0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("x_0123456789abcdef0123456789abcdef")]
    public void IsPseudonym_OtherShapes_IsFalse(string? value)
    {
        var result = Pseudonymizer.IsPseudonym(value);

        Assert.False(result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGw==")]
    public void Constructor_MissingOrShortKey_Throws(string? key)
    {
        var options = Options.Create(new PrivacyOptions { PseudonymKey = key });

        var exception = Record.Exception(() => new Pseudonymizer(options));

        Assert.IsType<InvalidOperationException>(exception);
    }
}
