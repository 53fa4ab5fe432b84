using Clinic.Platform.Errors;
using Clinic.Platform.Identity;
using Clinic.Users.Application;
using Clinic.Users.Contracts;
using Clinic.Users.Domain;
using Clinic.Users.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;

namespace Clinic.Users.Tests.Application;

public sealed class RoleAssignmentServiceTests
{
    private const string UserId = "d75b260a64504067bfc5b2905e3b8182";
    private const string UserDetails = "casey.fictional@example.test";

    private static readonly Instant Start = Instant.FromUtc(2027, 3, 15, 9, 0);

    private readonly FakeClock _clock = new(Start);
    private readonly InMemoryUserStore _users = new(TestPrivacy.Pseudonymizer());
    private readonly FakeLogger<RoleAssignmentService> _logger = new();
    private readonly RoleAssignmentService _service;

    public RoleAssignmentServiceTests()
    {
        _service = new RoleAssignmentService(_users, TestPrivacy.Pseudonymizer(), _clock, _logger);
    }

    [Fact]
    public async Task AssignAsync_NewUser_ReturnsPatientOnly()
    {
        var request = SignIn();

        var result = await _service.AssignAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal([Roles.Patient], result.Value.Roles);
    }

    [Fact]
    public async Task AssignAsync_NewUser_CreatesTheRecordAdminsWillSee()
    {
        var request = SignIn();

        await _service.AssignAsync(request, CancellationToken.None);

        var user = _users.Get(UserId);
        Assert.NotNull(user);
        Assert.Equal("github", user.IdentityProvider);
        Assert.Equal(UserDetails, user.DisplayName);
        Assert.Empty(user.AssignedRoles);
        Assert.False(user.Disabled);
        Assert.Equal(Start, user.CreatedAt);
        Assert.Equal(Start, user.LastSignInAt);
    }

    [Fact]
    public async Task AssignAsync_AssignedDoctor_ReturnsPatientAndDoctor()
    {
        _users.Put(Existing() with { AssignedRoles = Set(Roles.Doctor), DoctorId = "dr-amelia-hart" });

        var result = await _service.AssignAsync(SignIn(), CancellationToken.None);

        Assert.Equal([Roles.Patient, Roles.Doctor], result.Value!.Roles);
    }

    [Fact]
    public async Task AssignAsync_AssignedAdminAndDoctor_ReturnsAllThreeRoles()
    {
        _users.Put(Existing() with { AssignedRoles = Set(Roles.Admin, Roles.Doctor) });

        var result = await _service.AssignAsync(SignIn(), CancellationToken.None);

        Assert.Equal([Roles.Patient, Roles.Doctor, Roles.Admin], result.Value!.Roles);
    }

    [Fact]
    public async Task AssignAsync_DisabledUser_ReturnsNoRoles()
    {
        _users.Put(Existing() with { AssignedRoles = Set(Roles.Admin), Disabled = true });

        var result = await _service.AssignAsync(SignIn(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Value.Roles);
    }

    [Fact]
    public async Task AssignAsync_ReturningUser_UpdatesLastSignInOnly()
    {
        _users.Put(Existing() with { DisplayName = "Name from the first sign-in" });
        _clock.Advance(Duration.FromDays(3));

        await _service.AssignAsync(SignIn(), CancellationToken.None);

        var user = _users.Get(UserId)!;
        Assert.Equal(Start + Duration.FromDays(3), user.LastSignInAt);
        Assert.Equal(Existing().CreatedAt, user.CreatedAt);
        Assert.Equal("Name from the first sign-in", user.DisplayName);
    }

    [Fact]
    public async Task AssignAsync_AnySignIn_LogsThePseudonymNeverTheIdOrDetails()
    {
        var pseudonym = TestPrivacy.Pseudonymizer().Pseudonymize(UserId);

        await _service.AssignAsync(SignIn(), CancellationToken.None);

        var signIn = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Name == "UserSignedIn");
        Assert.Equal(3001, signIn.Id.Id);
        Assert.Contains(pseudonym, signIn.Message, StringComparison.Ordinal);
        Assert.Contains("github", signIn.Message, StringComparison.Ordinal);
        Assert.Contains(Roles.Patient, signIn.Message, StringComparison.Ordinal);
        Assert.All(_logger.Collector.GetSnapshot(), record =>
        {
            Assert.DoesNotContain(UserId, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(UserDetails, record.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AssignAsync_LongUserDetails_KeepsADisplayNameOf100Characters()
    {
        var request = SignIn() with { UserDetails = new string('a', 300) };

        await _service.AssignAsync(request, CancellationToken.None);

        Assert.Equal(100, _users.Get(UserId)!.DisplayName!.Length);
    }

    [Theory]
    [InlineData(null, "github", "userId")]
    [InlineData("   ", "github", "userId")]
    [InlineData(UserId, null, "identityProvider")]
    [InlineData(UserId, "git hub", "identityProvider")]
    public async Task AssignAsync_MissingOrMalformedFields_FailsValidationForThatField(
        string? userId, string? provider, string field)
    {
        var request = new RoleAssignmentRequest(provider, userId, UserDetails, []);

        var result = await _service.AssignAsync(request, CancellationToken.None);

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.True(result.Failure.Errors!.ContainsKey(field));
        Assert.Empty(_users.All);
    }

    private static RoleAssignmentRequest SignIn() =>
        new("github", UserId, UserDetails, [new RoleAssignmentClaim("name", "Casey Fictional")]);

    private static UserRecord Existing() =>
        UserRecord.Register(UserId, "github", UserDetails, Start - Duration.FromDays(30));

    private static HashSet<string> Set(params string[] roles) => roles.ToHashSet(StringComparer.Ordinal);
}
