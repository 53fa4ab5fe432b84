using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Platform.Alerts;

public static class AlertServiceCollectionExtensions
{
    public static IServiceCollection AddClinicAlerts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AlertQueue>();
        services.AddSingleton<IAlertSink>(provider => provider.GetRequiredService<AlertQueue>());
        services.AddSingleton<AlertTable>();
        services.AddHostedService<AlertWriter>();
        return services;
    }
}
