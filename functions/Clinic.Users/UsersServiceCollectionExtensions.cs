using Clinic.Platform.Identity;
using Clinic.Platform.Observability;
using Clinic.Platform.Privacy;
using Clinic.Users.Application;
using Clinic.Users.DemoData;
using Clinic.Users.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhoneNumbers;

namespace Clinic.Users;

public static class UsersServiceCollectionExtensions
{
    private static readonly HashSet<string> SupportedPhoneRegions =
        PhoneNumberUtil.GetInstance().GetSupportedRegions();

    /// <summary>
    /// Registers the users module: its services, its Azure Table adapters, the pseudonymizer it logs with,
    /// and <see cref="ICallerResolver"/>. It needs <c>AddClinicPlatform</c> (clock, tables) and an
    /// <see cref="IDoctorExistence"/> that the app registers, since doctors belong to another module.
    /// </summary>
    public static IServiceCollection AddUsers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddClinicPrivacy(configuration);
        // A refused admin call is a security event: exported at once, not with the next batch.
        services.AddCriticalEvents("AdminServiceRefused");
        services.AddOptions<UsersOptions>()
            .Bind(configuration.GetSection(UsersOptions.SectionName))
            .Validate(
                options => SupportedPhoneRegions.Contains(options.DefaultPhoneRegion),
                "Users:DefaultPhoneRegion must be a supported ISO 3166 region code such as US.")
            .Validate(
                options => options.MaxListedUsers is > 0 and <= 5000,
                "Users:MaxListedUsers must be 1 to 5000.")
            .ValidateOnStart();
        services.AddSingleton<IUserStore, TableUserStore>();
        services.AddSingleton<IProfileStore, TableProfileStore>();
        services.AddSingleton<RoleAssignmentService>();
        services.AddSingleton<ICallerResolver, UserCallerResolver>();
        services.AddSingleton<UserAdminService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<UsersDemoDataSeeder>();
        return services;
    }
}
