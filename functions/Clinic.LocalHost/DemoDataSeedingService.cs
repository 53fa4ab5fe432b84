using Clinic.Billing.DemoData;
using Clinic.Scheduling.DemoData;
using Clinic.Users.DemoData;

namespace Clinic.LocalHost;

/// <summary>
/// Puts the fictional demo data (doctors, their accounts, an admin, a patient, the doctors' fees) in place
/// before the host serves requests. Azurite may still be starting, so a failed attempt is retried for a
/// while before the host gives up.
/// </summary>
public sealed partial class DemoDataSeedingService(
    DemoDataSeeder doctors,
    UsersDemoDataSeeder users,
    DemoFeeSeeder fees,
    ILogger<DemoDataSeedingService> logger) : IHostedService
{
    private const int Attempts = 15;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await doctors.SeedAsync(cancellationToken);
                await users.SeedAsync(cancellationToken);
                await fees.SeedAsync(cancellationToken);
                return;
            }
            catch (Exception exception)
                when (exception is not OperationCanceledException && attempt < Attempts)
            {
                LogStorageNotReady(logger, attempt);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1150, LogLevel.Warning, "Storage not reachable yet for demo data (attempt {Attempt})",
        EventName = "DemoDataStorageNotReady")]
    private static partial void LogStorageNotReady(ILogger logger, int attempt);
}
