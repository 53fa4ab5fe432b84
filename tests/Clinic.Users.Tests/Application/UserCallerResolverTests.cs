using Clinic.Platform.Storage;
using Clinic.Platform.Errors;
using Clinic.Platform.Identity;
using Clinic.Users.Application;
using Clinic.Users.Domain;
using Clinic.Users.Tests.Fakes;
using NodaTime;

namespace Clinic.Users.Tests.Application;

public sealed class UserCallerResolverTests
{
    private const string UserId = "4f1c0a9e2b7d4c3e8a6f5b0d1e2c3a4b";

    private readonly InMemoryUserStore _users = new(TestPrivacy.Pseudonymizer());
    private readonly UserCallerResolver _resolver;

    public UserCallerResolverTests()
    {
        _resolver = new UserCallerResolver(_users);
    }

    [Fact]
    public async Task ResolveAsync_UnknownUser_IsAPatient()
    {
        var principal = Principal();

        var result = await _resolver.ResolveAsync(principal, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(UserId, result.Value.UserId);
        Assert.Equal([Roles.Patient], result.Value.Roles);
        Assert.Null(result.Value.DoctorId);
    }

    [Fact]
    public async Task ResolveAsync_ClaimedAdminWithoutAssignment_GetsNoAdminRole()
    {
        _users.Put(User());
        var principal = Principal(Roles.Admin, Roles.Doctor);

        var result = await _resolver.ResolveAsync(principal, CancellationToken.None);

        Assert.False(result.Value!.IsAdmin);
        Assert.False(result.Value.IsDoctor);
        Assert.Equal([Roles.Patient], result.Value.Roles);
    }

    [Fact]
    public async Task ResolveAsync_UnknownUserClaimingAdmin_GetsNoAdminRole()
    {
        var principal = Principal(Roles.Admin);

        var result = await _resolver.ResolveAsync(principal, CancellationToken.None);

        Assert.False(result.Value!.IsAdmin);
    }

    [Fact]
    public async Task ResolveAsync_AssignedDoctor_GetsTheRoleAndTheLinkedDoctor()
    {
        _users.Put(User() with { AssignedRoles = Assigned(Roles.Doctor), DoctorId = "dr-amelia-hart" });

        var result = await _resolver.ResolveAsync(Principal(), CancellationToken.None);

        Assert.True(result.Value!.IsDoctor);
        Assert.True(result.Value.Roles.Contains(Roles.Patient));
        Assert.Equal("dr-amelia-hart", result.Value.DoctorId);
    }

    [Fact]
    public async Task ResolveAsync_LinkedDoctorWithoutDoctorRole_GetsNoDoctorId()
    {
        _users.Put(User() with { DoctorId = "dr-amelia-hart" });

        var result = await _resolver.ResolveAsync(Principal(), CancellationToken.None);

        Assert.False(result.Value!.IsDoctor);
        Assert.Null(result.Value.DoctorId);
    }

    [Fact]
    public async Task ResolveAsync_DisabledUser_IsForbidden()
    {
        _users.Put(User() with { AssignedRoles = Assigned(Roles.Admin), Disabled = true });

        var result = await _resolver.ResolveAsync(Principal(Roles.Admin), CancellationToken.None);

        Assert.Equal(FailureKind.Forbidden, result.Failure!.Kind);
        Assert.Same(UsersFailures.AccountDisabled, result.Failure);
    }

    [Fact]
    public async Task ResolveAsync_OverlongUserId_IsUnauthenticated()
    {
        var principal = new ClientPrincipal("aad", new string('x', TableKey.MaxEncodedLength + 1), null, []);

        var result = await _resolver.ResolveAsync(principal, CancellationToken.None);

        Assert.Equal(FailureKind.Unauthenticated, result.Failure!.Kind);
    }

    private static ClientPrincipal Principal(params string[] claimedRoles) =>
        new("aad", UserId, "casey.fictional@example.test", ["anonymous", "authenticated", .. claimedRoles]);

    private static UserRecord User() =>
        UserRecord.Register(UserId, "aad", "Casey Fictional", Instant.FromUtc(2027, 1, 1, 0, 0));

    private static HashSet<string> Assigned(params string[] roles) => roles.ToHashSet(StringComparer.Ordinal);
}
