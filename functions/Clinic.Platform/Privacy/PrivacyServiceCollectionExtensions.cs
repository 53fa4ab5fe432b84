using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Clinic.Platform.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Pseudonymizer"/> with its key from <c>Privacy:PseudonymKey</c>. Outside
    /// Development a missing or weak key stops the app at start, not at the first sign-in. Calling it again
    /// changes nothing.
    /// </summary>
    public static IServiceCollection AddClinicPrivacy(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        if (services.Any(descriptor => descriptor.ServiceType == typeof(PrivacyRegistered)))
            return services;

        services.AddSingleton<PrivacyRegistered>();
        services.AddOptions<PrivacyOptions>()
            .Bind(configuration.GetSection(PrivacyOptions.SectionName))
            .PostConfigure<IHostEnvironment>(UseDevelopmentKeyIfMissing)
            .Validate(options => HasUsableKey(options), PrivacyOptions.KeyRequirement)
            .ValidateOnStart();
        services.TryAddSingleton<Pseudonymizer>();
        return services;
    }

    private static bool HasUsableKey(PrivacyOptions options) =>
        PrivacyOptions.DecodeKey(options.PseudonymKey) is not null;

    private static void UseDevelopmentKeyIfMissing(PrivacyOptions options, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() || !string.IsNullOrWhiteSpace(options.PseudonymKey))
            return;

        // A fixed key derived from a public phrase: pseudonyms stay stable across local runs, and anyone can
        // recompute them. That is acceptable only because a development machine holds fictional demo data;
        // every other environment must configure a secret key, or start-up fails.
        var phrase = Encoding.UTF8.GetBytes("Clinic development pseudonym key (public, not a secret)");
        options.PseudonymKey = Convert.ToBase64String(SHA256.HashData(phrase));
    }

    /// <summary>Marks that the privacy options are registered, whichever of several callers came first.</summary>
    private sealed class PrivacyRegistered;
}
