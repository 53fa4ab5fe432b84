using Clinic.Platform;
using Clinic.Platform.Identity;
using Clinic.Users.Application;
using Clinic.Users.DemoData;
using Clinic.Users.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests;

public sealed class UsersServiceCollectionExtensionsTests
{
    [Fact]
    public void AddUsers_WithPlatformAndDoctorExistence_ResolvesEveryService()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var resolver = provider.GetRequiredService<ICallerResolver>();

        Assert.IsType<UserCallerResolver>(resolver);
        Assert.NotNull(provider.GetRequiredService<RoleAssignmentService>());
        Assert.NotNull(provider.GetRequiredService<UserAdminService>());
        Assert.NotNull(provider.GetRequiredService<ProfileService>());
        Assert.NotNull(provider.GetRequiredService<UsersDemoDataSeeder>());
    }

    [Fact]
    public void AddUsers_UnsupportedPhoneRegion_FailsValidation()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Users:DefaultPhoneRegion"] = "XX" });

        var exception = Record.Exception(() => provider.GetRequiredService<IOptions<UsersOptions>>().Value);

        Assert.IsType<OptionsValidationException>(exception);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        settings["Privacy:PseudonymKey"] = TestPrivacy.Key(3);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new FakeHostEnvironment(Environments.Production));
        services.AddSingleton<IDoctorExistence>(new DelegateDoctorExistence((_, _) => Task.FromResult(true)));
        services.AddClinicPlatform(configuration);
        services.AddUsers(configuration);
        return services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
