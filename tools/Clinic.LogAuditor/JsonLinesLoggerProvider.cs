using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Clinic.LogAuditor;

/// <summary>
/// Writes each log record as one line of JSON, synchronously, to any <see cref="TextWriter"/>, in either
/// shape of <see cref="LogShape"/>: the auditor's own record goes to stderr, and onto the end of each log
/// file it read in that file's shape, so one query still reads the whole file.
/// </summary>
public sealed class JsonLinesLoggerProvider(TextWriter writer, LogShape shape = LogShape.ConsoleJson)
    : ILoggerProvider
{
    private static readonly Lazy<ConsoleFormatter> SharedFormatter = new(CreateJsonFormatter);

    private readonly Lock _gate = new();

    /// <summary>The console logger's JSON formatter: one line a record, UTC timestamps, no scopes.</summary>
    public static ConsoleFormatter JsonFormatter => SharedFormatter.Value;

    public ILogger CreateLogger(string categoryName)
    {
        var formatter = shape == LogShape.ConsoleJson ? JsonFormatter : null;
        return new JsonLinesLogger(categoryName, formatter, writer, _gate);
    }

    public void Dispose() => writer.Flush();

    private static ConsoleFormatter CreateJsonFormatter()
    {
        // The formatter type is internal to Microsoft.Extensions.Logging.Console; its registration is the
        // public way to get one configured like the host's.
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = false;
                options.TimestampFormat = "O";
                options.UseUtcTimestamp = true;
                options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            }))
            .BuildServiceProvider();
        return services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
    }
}
