using Clinic.Platform.Identity;
using Clinic.Scheduling.DemoData;
using Clinic.Users.DemoData;
using Clinic.Users.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;

namespace Clinic.Users.Tests.DemoData;

public sealed class UsersDemoDataSeederTests
{
    private readonly InMemoryUserStore _users = new(TestPrivacy.Pseudonymizer());
    private readonly InMemoryProfileStore _profiles = new();
    private readonly UsersDemoDataSeeder _seeder;

    public UsersDemoDataSeederTests()
    {
        var clock = new FakeClock(Instant.FromUtc(2027, 3, 1, 12, 0));
        _seeder = new UsersDemoDataSeeder(_users, _profiles, clock, new FakeLogger<UsersDemoDataSeeder>());
    }

    [Fact]
    public void DoctorAccounts_Always_MatchTheSchedulingDemoDoctors()
    {
        var schedulingDoctors = DemoDoctors.All.Select(d => (d.Id, d.DisplayName));

        var accounts = UsersDemoData.DoctorAccounts.Select(a => (a.DoctorId, a.DisplayName));

        Assert.Equal(schedulingDoctors.Order(), accounts.Order());
    }

    [Fact]
    public async Task SeedAsync_EmptyStores_AddsAdminPatientAndLinkedDoctors()
    {
        await _seeder.SeedAsync(CancellationToken.None);

        Assert.Contains(Roles.Admin, _users.Get(UsersDemoData.AdminUserId)!.AssignedRoles);
        Assert.Empty(_users.Get(UsersDemoData.PatientUserId)!.AssignedRoles);
        var doctor = _users.Get(UsersDemoData.DoctorUserId)!;
        Assert.Contains(Roles.Doctor, doctor.AssignedRoles);
        Assert.Equal(UsersDemoData.DoctorId, doctor.DoctorId);
        Assert.Equal(2 + UsersDemoData.DoctorAccounts.Count, _users.All.Count);
        var profile = _profiles.Get(UsersDemoData.PatientUserId)!;
        Assert.Equal(UsersDemoData.PatientEmail, profile.Email);
        Assert.Equal(UsersDemoData.PatientPhone, profile.Phone);
    }

    [Fact]
    public async Task SeedAsync_SecondRun_KeepsChangesMadeSince()
    {
        await _seeder.SeedAsync(CancellationToken.None);
        var doctor = _users.Get(UsersDemoData.DoctorUserId)!;
        _users.Put(doctor with { Disabled = true });

        await _seeder.SeedAsync(CancellationToken.None);

        Assert.True(_users.Get(UsersDemoData.DoctorUserId)!.Disabled);
        Assert.Equal(2 + UsersDemoData.DoctorAccounts.Count, _users.All.Count);
    }
}
