using Clinic.Platform.Errors;
using Clinic.Platform.Identity;
using Clinic.Platform.Privacy;
using Clinic.Users.Application;
using Clinic.Users.Contracts;
using Clinic.Users.Domain;
using Clinic.Users.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Clinic.Users.Tests.Application;

public sealed class UserAdminServiceTests
{
    private const string AdminId = "admin-7c2e";
    private const string TargetId = "target-91ab";
    private const string KnownDoctor = "dr-amelia-hart";

    private static readonly Instant Created = Instant.FromUtc(2027, 1, 10, 8, 0);

    private readonly Pseudonymizer _pseudonymizer = TestPrivacy.Pseudonymizer();
    private readonly InMemoryUserStore _users;
    private readonly FakeLogger<UserAdminService> _logger = new();
    private readonly UserAdminService _service;
    private readonly Caller _admin = new(AdminId, new HashSet<string> { Roles.Patient, Roles.Admin }, null);

    public UserAdminServiceTests()
    {
        _users = new InMemoryUserStore(_pseudonymizer);
        _users.Put(Record(AdminId, "Avery Admin") with { AssignedRoles = Assigned(Roles.Admin) });
        _users.Put(Record(TargetId, "Taylor Target"));
        var doctors = new DelegateDoctorExistence((id, _) => Task.FromResult(id == KnownDoctor));
        _service = new UserAdminService(
            _users, doctors, _pseudonymizer, Options.Create(new UsersOptions { MaxListedUsers = 10 }),
            _logger);
    }

    private string Target => _pseudonymizer.Pseudonymize(TargetId);

    private string Self => _pseudonymizer.Pseudonymize(AdminId);

    [Fact]
    public async Task ListAsync_Users_ShowsPseudonymsAndNeverUserIds()
    {
        var result = await _service.ListAsync(_admin, CancellationToken.None);

        Assert.Equal(["Avery Admin", "Taylor Target"], result.Value!.Users.Select(u => u.DisplayName));
        Assert.Equal([Self, Target], result.Value.Users.Select(u => u.Pseudonym));
        Assert.Equal([Roles.Patient, Roles.Admin], result.Value.Users[0].Roles);
        Assert.Equal("2027-01-10T08:00:00Z", result.Value.Users[1].CreatedAt);
        Assert.False(result.Value.Truncated);
        Assert.DoesNotContain(
            result.Value.Users, user => user.ToString().Contains(TargetId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_MoreUsersThanTheLimit_IsTruncated()
    {
        for (var i = 0; i < 12; i++)
            _users.Put(Record($"extra-{i}", $"Extra {i}"));

        var result = await _service.ListAsync(_admin, CancellationToken.None);

        Assert.Equal(10, result.Value!.Users.Count);
        Assert.True(result.Value.Truncated);
    }

    [Fact]
    public async Task ListAsync_CallerWithoutAdminRole_IsForbidden()
    {
        var patient = new Caller(TargetId, new HashSet<string> { Roles.Patient }, null);

        var result = await _service.ListAsync(patient, CancellationToken.None);

        Assert.Equal(FailureKind.Forbidden, result.Failure!.Kind);
        Assert.Equal("AdminServiceRefused", Assert.Single(_logger.Collector.GetSnapshot()).Id.Name);
    }

    [Fact]
    public async Task AssignRoleAsync_Doctor_IsStoredAndLoggedWithBothPseudonyms()
    {
        var result = await _service.AssignRoleAsync(
            _admin, Target, new ChangeRoleRequest(Roles.Doctor), CancellationToken.None);

        Assert.Equal([Roles.Patient, Roles.Doctor], result.Value!.Roles);
        Assert.Contains(Roles.Doctor, _users.Get(TargetId)!.AssignedRoles);
        var log = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(3010, log.Id.Id);
        Assert.Equal("UserRoleAssigned", log.Id.Name);
        Assert.Contains(Self, log.Message, StringComparison.Ordinal);
        Assert.Contains(Target, log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TargetId, log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminId, log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignRoleAsync_RoleTheUserHas_ChangesNothing()
    {
        await _service.AssignRoleAsync(
            _admin, Target, new ChangeRoleRequest(Roles.Admin), CancellationToken.None);

        var again = await _service.AssignRoleAsync(
            _admin, Target, new ChangeRoleRequest(Roles.Admin), CancellationToken.None);

        Assert.True(again.Succeeded);
        Assert.Equal(1, _users.Replacements);
    }

    [Theory]
    [InlineData("patient")]
    [InlineData("superuser")]
    [InlineData("Admin")]
    [InlineData(null)]
    public async Task AssignRoleAsync_RoleThatIsNotAssignable_FailsValidationOnRole(string? role)
    {
        var result = await _service.AssignRoleAsync(
            _admin, Target, new ChangeRoleRequest(role), CancellationToken.None);

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Equal(["role"], result.Failure.Errors!.Keys);
        Assert.Equal(0, _users.Replacements);
    }

    [Theory]
    [InlineData(TargetId)]
    [InlineData("u_123")]
    [InlineData("")]
    public async Task AssignRoleAsync_NotAPseudonym_FailsValidationOnPseudonym(string pseudonym)
    {
        var result = await _service.AssignRoleAsync(
            _admin, pseudonym, new ChangeRoleRequest(Roles.Doctor), CancellationToken.None);

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Equal(["pseudonym"], result.Failure.Errors!.Keys);
    }

    [Fact]
    public async Task AssignRoleAsync_UnknownPseudonym_IsNotFound()
    {
        var stranger = _pseudonymizer.Pseudonymize("nobody");

        var result = await _service.AssignRoleAsync(
            _admin, stranger, new ChangeRoleRequest(Roles.Doctor), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, result.Failure!.Kind);
    }

    [Fact]
    public async Task RemoveRoleAsync_OwnAdminRole_IsUnprocessable()
    {
        var result = await _service.RemoveRoleAsync(_admin, Self, Roles.Admin, CancellationToken.None);

        Assert.Equal(FailureKind.Unprocessable, result.Failure!.Kind);
        Assert.Equal("cannot-remove-own-admin", result.Failure.Code);
        Assert.Contains(Roles.Admin, _users.Get(AdminId)!.AssignedRoles);
    }

    [Fact]
    public async Task RemoveRoleAsync_AnotherAdminsRole_IsRemovedAndLogged()
    {
        var otherAdmin = Record(TargetId, "Taylor Target") with
        {
            AssignedRoles = Assigned(Roles.Admin, Roles.Doctor),
        };
        _users.Put(otherAdmin);

        var result = await _service.RemoveRoleAsync(_admin, Target, Roles.Admin, CancellationToken.None);

        Assert.Equal([Roles.Patient, Roles.Doctor], result.Value!.Roles);
        Assert.Equal("UserRoleRemoved", Assert.Single(_logger.Collector.GetSnapshot()).Id.Name);
    }

    [Fact]
    public async Task DisableAsync_Self_IsUnprocessable()
    {
        var result = await _service.DisableAsync(_admin, Self, CancellationToken.None);

        Assert.Equal(FailureKind.Unprocessable, result.Failure!.Kind);
        Assert.Equal("cannot-disable-self", result.Failure.Code);
        Assert.False(_users.Get(AdminId)!.Disabled);
    }

    [Fact]
    public async Task DisableAsync_ThenEnableAsync_FlipsTheFlagAndLogsBoth()
    {
        var disabled = await _service.DisableAsync(_admin, Target, CancellationToken.None);
        var wasDisabled = _users.Get(TargetId)!.Disabled;

        var enabled = await _service.EnableAsync(_admin, Target, CancellationToken.None);

        Assert.True(disabled.Value!.Disabled);
        Assert.True(wasDisabled);
        Assert.False(enabled.Value!.Disabled);
        Assert.Equal(["UserDisabled", "UserEnabled"], _logger.Collector.GetSnapshot().Select(r => r.Id.Name));
    }

    [Fact]
    public async Task LinkDoctorAsync_KnownDoctor_IsLinkedAndLogged()
    {
        var result = await _service.LinkDoctorAsync(
            _admin, Target, new LinkDoctorRequest(KnownDoctor), CancellationToken.None);

        Assert.Equal(KnownDoctor, result.Value!.DoctorId);
        Assert.Equal(KnownDoctor, _users.Get(TargetId)!.DoctorId);
        Assert.Equal("DoctorLinked", Assert.Single(_logger.Collector.GetSnapshot()).Id.Name);
    }

    [Fact]
    public async Task LinkDoctorAsync_UnknownDoctor_IsNotFound()
    {
        var result = await _service.LinkDoctorAsync(
            _admin, Target, new LinkDoctorRequest("dr-nobody"), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, result.Failure!.Kind);
        Assert.Equal("doctor-not-found", result.Failure.Code);
    }

    [Theory]
    [InlineData("Dr-Amelia-Hart")]
    [InlineData("-dr")]
    [InlineData("dr amelia")]
    [InlineData("")]
    [InlineData(null)]
    public async Task LinkDoctorAsync_MalformedDoctorId_FailsValidationOnDoctorId(string? doctorId)
    {
        var result = await _service.LinkDoctorAsync(
            _admin, Target, new LinkDoctorRequest(doctorId), CancellationToken.None);

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Equal(["doctorId"], result.Failure.Errors!.Keys);
    }

    [Fact]
    public async Task UnlinkDoctorAsync_LinkedUser_ClearsTheLink()
    {
        _users.Put(Record(TargetId, "Taylor Target") with { DoctorId = KnownDoctor });

        var result = await _service.UnlinkDoctorAsync(_admin, Target, CancellationToken.None);

        Assert.Null(result.Value!.DoctorId);
        var log = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal("DoctorUnlinked", log.Id.Name);
        Assert.Contains(KnownDoctor, log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignRoleAsync_OneConcurrentWrite_RetriesAndSucceeds()
    {
        _users.ConcurrentWritesToSimulate = 1;

        var result = await _service.AssignRoleAsync(
            _admin, Target, new ChangeRoleRequest(Roles.Doctor), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Contains(Roles.Doctor, _users.Get(TargetId)!.AssignedRoles);
    }

    [Fact]
    public async Task AssignRoleAsync_ConcurrentWritesTwice_IsAConflict()
    {
        _users.ConcurrentWritesToSimulate = 2;

        var result = await _service.AssignRoleAsync(
            _admin, Target, new ChangeRoleRequest(Roles.Doctor), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, result.Failure!.Kind);
        Assert.Empty(_users.Get(TargetId)!.AssignedRoles);
    }

    private static UserRecord Record(string userId, string displayName) =>
        UserRecord.Register(userId, "aad", displayName, Created);

    private static HashSet<string> Assigned(params string[] roles) => roles.ToHashSet(StringComparer.Ordinal);
}
