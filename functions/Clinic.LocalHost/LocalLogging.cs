using Clinic.Platform.Privacy;
using Serilog;
using Serilog.Extensions.Logging;
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

        // Registered as a plain provider, so the app's log level rules apply to the file as to the console;
        // created from the final configuration, so settings added after this call still choose the path.
        logging.Services.AddSingleton<ILoggerProvider>(provider => new SerilogLoggerProvider(
            CreateFileLogger(provider.GetRequiredService<IConfiguration>()), dispose: true));
        return logging;
    }

    private static Serilog.Core.Logger CreateFileLogger(IConfiguration configuration) =>
        new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(
                new RenderedCompactJsonFormatter(),
                Path.GetFullPath(configuration["Logging:File:Path"] ?? DefaultFilePath),
                rollingInterval: RollingInterval.Day,
                shared: true,
                flushToDiskInterval: TimeSpan.FromSeconds(1))
            .CreateLogger();
}
