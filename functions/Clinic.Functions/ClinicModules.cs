using Clinic.Billing;
using Clinic.Billing.Application;
using Clinic.Billing.Workflows;
using Clinic.Functions.Notifications;
using Clinic.Notifications;
using Clinic.Notifications.Recipients;
using Clinic.Platform;
using Clinic.Scheduling;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Changes;
using Clinic.Users;
using Clinic.Users.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Functions;

/// <summary>
/// Every module of the app, registered the same way by the Functions host and the local host.
/// </summary>
public static class ClinicModules
{
    public static IServiceCollection AddClinicModules(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        services.AddClinicPlatform(configuration);
        services.AddScheduling(configuration);
        services.AddUsers(configuration);
        services.AddBilling(configuration);
        services.AddNotifications(configuration);

        // How long billing's workflows keep trying the provider; the defaults suit production.
        services.AddOptions<GatewayRetryOptions>().Bind(configuration.GetSection("Billing:GatewayRetry"));

        // Users links doctor accounts to doctors, which scheduling owns; the app introduces the two.
        services.AddSingleton<IDoctorExistence>(provider => new DelegateDoctorExistence(async (id, token) =>
            await provider.GetRequiredService<DoctorDirectory>().FindAsync(id, token) is not null));

        // Scheduling's committed changes reach billing and notifications; notifications read profiles (users)
        // and appointments (scheduling), and tell patients of failed payments (billing).
        services.AddSingleton<IRecipientDirectory, ProfileRecipientDirectory>();
        services.AddSingleton<IAppointmentSource, SchedulingAppointmentSource>();
        services.AddSingleton<IAppointmentChangePublisher, AppointmentChangePublisher>();
        services.AddSingleton<IPaymentFailureNotifier, PaymentFailureNotifications>();
        return services;
    }
}
