using Clinic.Scheduling.Application;
using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Changes;
using Clinic.Scheduling.DemoData;
using Clinic.Scheduling.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the scheduling module: its services, its cache (section <c>Cache</c>) and its Azure Table
    /// adapters.
    /// </summary>
    public static IServiceCollection AddScheduling(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SchedulingOptions>()
            .Bind(configuration.GetSection(SchedulingOptions.SectionName));
        services.AddSchedulingCache(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDoctorStore, TableDoctorStore>();
        services.AddSingleton<TableAppointmentStore>();
        services.AddSingleton<IAppointmentStore>(provider => provider.GetRequiredService<TableAppointmentStore>());
        services.AddSingleton<IChangeOutbox>(provider => provider.GetRequiredService<TableAppointmentStore>());
        services.AddSingleton<ChangeDispatcher>();
        services.AddHostedService<ChangeDispatchWorker>();
        services.AddSingleton<DoctorDirectory>();
        services.AddSingleton<DoctorAdministration>();
        services.AddSingleton<DaySchedules>();
        services.AddSingleton<SlotSearch>();
        services.AddSingleton<DoctorDayQuery>();
        services.AddSingleton<AppointmentService>();
        services.AddSingleton<VisitOutcomes>();
        services.AddSingleton<DemoDataSeeder>();
        return services;
    }
}
