using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.LocalHost.Triggers;

public static class LocalTriggersServiceCollectionExtensions
{
    /// <summary>
    /// Runs the queue- and timer-triggered functions of <paramref name="assemblies"/> in this host, as the
    /// Azure Functions host would: queue settings from host.json (<c>extensions.queues</c>, overridable under
    /// <c>LocalHost:Queues</c>), <c>%Setting%</c> names from configuration, and everything off when
    /// <c>LocalHost:Triggers:Enabled</c> is false. Calling it again adds more assemblies.
    /// </summary>
    public static IServiceCollection AddLocalTriggers(
        this IServiceCollection services,
        params IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);

        foreach (var assembly in assemblies)
            services.AddSingleton(new FunctionAssembly(assembly));

        services.AddOptions<LocalTriggersOptions>().BindConfiguration(LocalTriggersOptions.SectionName);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IConfigureOptions<QueueTriggerOptions>, QueueTriggerOptionsSetup>(
                provider => new QueueTriggerOptionsSetup(
                    provider.GetRequiredService<IConfiguration>(), HostJson.Load())));
        services.TryAddEnumerable(ServiceDescriptor
            .Singleton<IValidateOptions<QueueTriggerOptions>, QueueTriggerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<QueueTriggerService>();
        services.AddHostedService<TimerTriggerService>();
        return services;
    }
}
