using Clinic.Platform.Privacy;
using Clinic.Users.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests.Privacy;

public sealed class PrivacyServiceCollectionExtensionsTests
{
    [Fact]
    public void AddClinicPrivacy_ProductionWithoutKey_FailsValidation()
    {
        using var provider = Build(Environments.Production, key: null);

        var exception = Record.Exception(() => provider.GetRequiredService<IOptions<PrivacyOptions>>().Value);

        Assert.IsType<OptionsValidationException>(exception);
    }

    [Fact]
    public void AddClinicPrivacy_ProductionWithShortKey_FailsValidation()
    {
        using var provider = Build(Environments.Production, Convert.ToBase64String(new byte[16]));

        var exception = Record.Exception(() => provider.GetRequiredService<IOptions<PrivacyOptions>>().Value);

        Assert.IsType<OptionsValidationException>(exception);
    }

    [Fact]
    public void AddClinicPrivacy_DevelopmentWithoutKey_UsesAFixedDevelopmentKey()
    {
        using var first = Build(Environments.Development, key: null);
        using var second = Build(Environments.Development, key: null);

        var pseudonyms = (
            first.GetRequiredService<Pseudonymizer>().Pseudonymize("demo-patient"),
            second.GetRequiredService<Pseudonymizer>().Pseudonymize("demo-patient"));

        Assert.Equal(pseudonyms.Item1, pseudonyms.Item2);
    }

    [Fact]
    public void AddClinicPrivacy_ConfiguredKey_IsUsedInDevelopmentToo()
    {
        using var provider = Build(Environments.Development, TestPrivacy.Key(9));

        var pseudonym = provider.GetRequiredService<Pseudonymizer>().Pseudonymize("demo-patient");

        Assert.Equal(TestPrivacy.Pseudonymizer(fill: 9).Pseudonymize("demo-patient"), pseudonym);
    }

    private static ServiceProvider Build(string environment, string? key)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Privacy:PseudonymKey"] = key })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new FakeHostEnvironment(environment));
        services.AddClinicPrivacy(configuration);
        return services.BuildServiceProvider();
    }
}
