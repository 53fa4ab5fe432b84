using Clinic.Notifications.Senders;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.NotificationBenchmarks;

/// <summary>
/// One way the senders behave: <paramref name="senders"/> gives the variant's email and SMS senders in its
/// host, and each message is sent <paramref name="attemptsPerMessage"/> times (once, or until its attempts
/// run out). <see cref="Sends"/> counts what the senders were asked for, to show they got their traffic.
/// </summary>
internal sealed class Variant(
    string name, int attemptsPerMessage, Func<IServiceProvider, (IEmailSender Email, ISmsSender Sms)> senders)
{
    public string Name { get; } = name;

    public int AttemptsPerMessage { get; } = attemptsPerMessage;

    public SendCounts Sends { get; } = new();

    /// <summary>Makes the variant's host send through its senders, counted.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var (email, sms) = senders(provider);
            return new CountingSender(email, sms, Sends);
        });
        services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<CountingSender>());
        services.AddSingleton<ISmsSender>(provider => provider.GetRequiredService<CountingSender>());
    }
}
