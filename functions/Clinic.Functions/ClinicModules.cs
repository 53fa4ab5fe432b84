using Clinic.Platform;
using Clinic.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Functions;

/// <summary>Every module of the app, registered the same way by the Functions host and the local host.</summary>
public static class ClinicModules
{
    public static IServiceCollection AddClinicModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClinicPlatform(configuration);
        services.AddScheduling(configuration);
        return services;
    }
}
