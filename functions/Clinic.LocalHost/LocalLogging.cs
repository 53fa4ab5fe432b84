using Clinic.Platform.Privacy;
using Serilog;
using Serilog.Formatting.Compact;

namespace Clinic.LocalHost;

/// <summary>
/// Local logs: structured JSON to the console, and JSON lines to a daily file under the git-ignored data
/// folder that a developer can query with jq. Both receive records after redaction, like every provider.
/// </summary>
public static class LocalLogging
{
    public const string DefaultFilePath = ".data/logs/clinic-.jsonl";

    public static ILoggingBuilder AddLocalLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);

        logging.ClearProviders();
        logging.AddJsonConsole(console =>
        {
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        logging.AddClinicRedaction();

        var path = Path.GetFullPath(configuration["Logging:File:Path"] ?? DefaultFilePath);
        var file = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(
                new RenderedCompactJsonFormatter(),
                path,
                rollingInterval: RollingInterval.Day,
                shared: true,
                flushToDiskInterval: TimeSpan.FromSeconds(1))
            .CreateLogger();
        logging.AddSerilog(file, dispose: true);
        return logging;
    }
}
