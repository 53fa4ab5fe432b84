using Clinic.Platform.Errors;
using Clinic.Users.Application;
using Clinic.Users.Contracts;
using Clinic.Users.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Clinic.Users.Tests.Application;

public sealed class ProfileServiceTests
{
    private const string UserId = "patient-3e5d";

    private static readonly Instant Start = Instant.FromUtc(2027, 3, 15, 9, 0);

    private readonly FakeClock _clock = new(Start);
    private readonly InMemoryProfileStore _profiles = new();
    private readonly FakeLogger<ProfileService> _logger = new();
    private readonly ProfileService _service;

    public ProfileServiceTests()
    {
        _service = new ProfileService(
            _profiles, TestPrivacy.Pseudonymizer(), _clock, Options.Create(new UsersOptions()), _logger);
    }

    [Fact]
    public async Task GetAsync_NewUser_ReturnsAnEmptyProfile()
    {
        var profile = await _service.GetAsync(UserId, CancellationToken.None);

        Assert.Null(profile.DisplayName);
        Assert.Null(profile.Email);
        Assert.Empty(profile.NotificationChannels);
        Assert.False(profile.SmsConsent);
        Assert.Null(profile.SmsConsentGivenAt);
    }

    [Fact]
    public async Task UpdateAsync_ValidProfile_IsStoredNormalizedAndReturned()
    {
        var request = Valid() with { Phone = "(202) 555-0142", PreferredLanguage = "fr-ca" };

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("+12025550142", result.Value.Phone);
        Assert.Equal("fr-CA", result.Value.PreferredLanguage);
        Assert.Equal("America/New_York", result.Value.TimeZone);
        Assert.Equal(["email", "sms"], result.Value.NotificationChannels);
        Assert.Equal("2027-03-15T09:00:00Z", result.Value.UpdatedAt);
        Assert.Equal("+12025550142", _profiles.Get(UserId)!.Phone);
    }

    [Fact]
    public async Task UpdateAsync_ThenGetAsync_ReturnsWhatWasSaved()
    {
        await _service.UpdateAsync(UserId, Valid(), CancellationToken.None);

        var profile = await _service.GetAsync(UserId, CancellationToken.None);

        Assert.Equal("Casey Fictional", profile.DisplayName);
        Assert.Equal("casey@example.test", profile.Email);
        Assert.Equal("+12025550123", profile.Phone);
    }

    [Theory]
    [InlineData("+1 202-555-0123", "+12025550123")]
    [InlineData("202.555.0199", "+12025550199")]
    [InlineData(" (202) 555-0100 ", "+12025550100")]
    [InlineData("+442079460958", "+442079460958")]
    public async Task UpdateAsync_PhoneInAnyCommonFormat_IsStoredAsE164(string phone, string expected)
    {
        var request = Valid() with { Phone = phone };

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.Equal(expected, result.Value!.Phone);
    }

    [Theory]
    [InlineData("displayName", "")]
    [InlineData("displayName", "   ")]
    [InlineData("email", "not-an-email")]
    [InlineData("email", "Casey <casey@example.test>")]
    [InlineData("email", "casey@localhost")]
    [InlineData("email", "casey fictional@example.test")]
    [InlineData("phone", "555-0123")]
    [InlineData("phone", "12345")]
    [InlineData("phone", "call me maybe")]
    [InlineData("preferredLanguage", "xx-YY")]
    [InlineData("preferredLanguage", "en_US")]
    [InlineData("preferredLanguage", "")]
    [InlineData("timeZone", "Mars/Olympus_Mons")]
    [InlineData("timeZone", "america/new_york")]
    public async Task UpdateAsync_BadValue_FailsValidationOnThatFieldWithoutEchoingIt(
        string field, string value)
    {
        var request = With(Valid(), field, value);

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        var messages = result.Failure.Errors![field];
        Assert.NotEmpty(messages);
        var sent = value.Trim();
        if (sent.Length > 0)
            Assert.All(messages, message => Assert.DoesNotContain(sent, message, StringComparison.Ordinal));
        Assert.Null(_profiles.Get(UserId));
    }

    [Fact]
    public async Task UpdateAsync_DisplayNameOver100Characters_FailsValidation()
    {
        var request = Valid() with { DisplayName = new string('x', 101) };

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.Equal(["displayName"], result.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task UpdateAsync_EmailOver254Characters_FailsValidation()
    {
        var request = Valid() with { Email = new string('a', 250) + "@example.test" };

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.Equal(["email"], result.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task UpdateAsync_SeveralBadFields_ReportsEachOfThem()
    {
        var request = Valid() with { Email = "nope", Phone = "nope", TimeZone = "Nowhere/Nope" };

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.Equal(["email", "phone", "timeZone"], result.Failure!.Errors!.Keys.Order());
    }

    [Fact]
    public async Task UpdateAsync_UnknownChannel_FailsValidationOnChannels()
    {
        var request = Valid() with { NotificationChannels = ["email", "pigeon"] };

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.Equal(["notificationChannels"], result.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task UpdateAsync_SmsChannelWithoutConsent_FailsValidationOnChannels()
    {
        var request = Valid() with { SmsConsent = false };

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.Equal(["notificationChannels"], result.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task UpdateAsync_EmailChannelWithoutEmail_FailsValidationOnChannels()
    {
        var request = Valid() with { Email = null };

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.Equal(["notificationChannels"], result.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task UpdateAsync_ConsentGiven_IsStampedWithTheServerClock()
    {
        var request = Valid();

        var result = await _service.UpdateAsync(UserId, request, CancellationToken.None);

        Assert.True(result.Value!.SmsConsent);
        Assert.Equal("2027-03-15T09:00:00Z", result.Value.SmsConsentGivenAt);
        Assert.Equal(Start, _profiles.Get(UserId)!.SmsConsentGivenAt);
    }

    [Fact]
    public async Task UpdateAsync_ConsentStillGiven_KeepsTheFirstTimestamp()
    {
        await _service.UpdateAsync(UserId, Valid(), CancellationToken.None);
        _clock.Advance(Duration.FromDays(2));

        var result = await _service.UpdateAsync(
            UserId, Valid() with { DisplayName = "Casey F." }, CancellationToken.None);

        Assert.Equal("2027-03-15T09:00:00Z", result.Value!.SmsConsentGivenAt);
        Assert.Equal("2027-03-17T09:00:00Z", result.Value.UpdatedAt);
    }

    [Fact]
    public async Task UpdateAsync_ConsentWithdrawnThenGivenAgain_ClearsThenRestampsIt()
    {
        await _service.UpdateAsync(UserId, Valid(), CancellationToken.None);
        _clock.Advance(Duration.FromHours(1));
        var withdrawn = await _service.UpdateAsync(UserId, WithoutSms(), CancellationToken.None);
        _clock.Advance(Duration.FromHours(1));

        var regiven = await _service.UpdateAsync(UserId, Valid(), CancellationToken.None);

        Assert.False(withdrawn.Value!.SmsConsent);
        Assert.Null(withdrawn.Value.SmsConsentGivenAt);
        Assert.Equal("2027-03-15T11:00:00Z", regiven.Value!.SmsConsentGivenAt);
    }

    [Fact]
    public async Task UpdateAsync_ConsentChanges_AreLoggedWithoutPersonalData()
    {
        await _service.UpdateAsync(UserId, Valid(), CancellationToken.None);

        await _service.UpdateAsync(UserId, WithoutSms(), CancellationToken.None);

        var records = _logger.Collector.GetSnapshot();
        Assert.Equal(
            ["ProfileUpdated", "SmsConsentChanged", "ProfileUpdated", "SmsConsentChanged"],
            records.Select(r => r.Id.Name));
        Assert.All(records, record =>
        {
            Assert.DoesNotContain(UserId, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("casey", record.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("555", record.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UpdateAsync_OneConcurrentSave_RetriesAndSucceeds()
    {
        _profiles.ConcurrentWritesToSimulate = 1;

        var result = await _service.UpdateAsync(UserId, Valid(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("Casey Fictional", _profiles.Get(UserId)!.DisplayName);
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentSavesTwice_IsAConflict()
    {
        _profiles.ConcurrentWritesToSimulate = 2;

        var result = await _service.UpdateAsync(UserId, Valid(), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, result.Failure!.Kind);
        Assert.Equal("profile-changed", result.Failure.Code);
    }

    private static UpdateProfileRequest Valid() => new(
        "Casey Fictional",
        "casey@example.test",
        "+1 202 555 0123",
        "en-US",
        "America/New_York",
        ["sms", "email"],
        SmsConsent: true);

    private static UpdateProfileRequest WithoutSms() =>
        Valid() with { NotificationChannels = ["email"], SmsConsent = false };

    private static UpdateProfileRequest With(UpdateProfileRequest request, string field, string value) =>
        field switch
        {
            "displayName" => request with { DisplayName = value },
            "email" => request with { Email = value },
            "phone" => request with { Phone = value },
            "preferredLanguage" => request with { PreferredLanguage = value },
            "timeZone" => request with { TimeZone = value },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
}
