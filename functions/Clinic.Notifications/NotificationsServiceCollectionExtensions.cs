using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;
using Clinic.Notifications.Calendar;
using Clinic.Notifications.Deliveries;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Reminders;
using Clinic.Notifications.Senders;
using Clinic.Notifications.Templates;
using Clinic.Notifications.Transport;
using Clinic.Platform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the notification flow: queues (the platform's storage account), delivery and dead-letter
    /// tables, templates, calendar invitations and the sender that <c>Notifications:Sender</c> names
    /// (<c>Outbox</c> files locally, <c>Acs</c> in Azure). The app supplies
    /// <see cref="Recipients.IRecipientDirectory"/> and <see cref="Recipients.IAppointmentSource"/>, which belong
    /// to other modules.
    /// </summary>
    public static IServiceCollection AddNotifications(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName));
        services.AddOptions<AcsSenderOptions>().Bind(configuration.GetSection(AcsSenderOptions.SectionName));
        services.AddOptions<OutboxFolderOptions>().Bind(configuration.GetSection(OutboxFolderOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(provider => CreateQueueService(provider.GetRequiredService<IOptions<StorageOptions>>()));
        services.AddSingleton<INotificationQueue, StorageNotificationQueue>();
        services.AddSingleton(provider => new NotificationQueues(
            provider.GetRequiredService<IOptions<NotificationOptions>>().Value.QueuePrefix));
        services.AddSingleton<IDeliveryStore, TableDeliveryStore>();
        services.AddSingleton<IDeadLetterStore, TableDeadLetterStore>();
        services.AddSingleton(_ => new NotificationRenderer());
        services.AddSingleton(provider => new AppointmentInvitation(
            provider.GetRequiredService<NotificationRenderer>(),
            provider.GetRequiredService<IOptions<NotificationOptions>>().Value.CalendarDomain,
            OrganizerAddress(provider)));
        AddSenders(services, configuration);

        services.AddSingleton<NotificationFanOut>();
        services.AddSingleton<ChannelDelivery>();
        services.AddSingleton<DeadLetterHandler>();
        services.AddSingleton<ReminderScheduler>();
        return services;
    }

    private static void AddSenders(IServiceCollection services, IConfiguration configuration)
    {
        var sender = configuration[$"{NotificationOptions.SectionName}:Sender"] ?? NotificationOptions.OutboxSender;
        if (sender == NotificationOptions.AcsSender)
        {
            services.AddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
            services.AddSingleton<IEmailSender>(provider => new AcsEmailSender(
                provider.GetRequiredService<IOptions<AcsSenderOptions>>().Value,
                provider.GetRequiredService<TokenCredential>(),
                provider.GetRequiredService<ILogger<AcsEmailSender>>()));
            services.AddSingleton<ISmsSender>(provider =>
            {
                // No number yet (none can be bought in Bicep): emails go out, each SMS is recorded failed.
                var acs = provider.GetRequiredService<IOptions<AcsSenderOptions>>().Value;
                return string.IsNullOrWhiteSpace(acs.FromNumber)
                    ? new NoNumberSmsSender()
                    : new AcsSmsSender(acs, provider.GetRequiredService<TokenCredential>(),
                        provider.GetRequiredService<ILogger<AcsSmsSender>>());
            });
            return;
        }

        services.AddSingleton(provider => new OutboxFolderSender(
            provider.GetRequiredService<IOptions<OutboxFolderOptions>>().Value,
            provider.GetRequiredService<ILogger<OutboxFolderSender>>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<OutboxFolderSender>());
        services.AddSingleton<ISmsSender>(provider => provider.GetRequiredService<OutboxFolderSender>());
    }

    private static string OrganizerAddress(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<AcsSenderOptions>>().Value.SenderAddress
        ?? provider.GetRequiredService<IOptions<OutboxFolderOptions>>().Value.SenderAddress;

    private static QueueServiceClient CreateQueueService(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        return settings.ConnectionString is { Length: > 0 } connectionString
            ? new QueueServiceClient(connectionString)
            : new QueueServiceClient(
                settings.QueueServiceUri ?? throw new InvalidOperationException(
                    "Set Storage:ConnectionString, or Storage:QueueServiceUri for a managed identity."),
                new DefaultAzureCredential());
    }
}
