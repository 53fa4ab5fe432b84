using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Clinic.LoggingBenchmarks;

/// <summary>
/// A sink that does a real provider's work, synchronously: every record is formatted by the console logger's
/// JSON formatter and encoded as UTF-8, then dropped. The console logger itself hands records to a background
/// thread, which would measure its queue rather than the cost of a log call.
/// </summary>
internal sealed class JsonSinkLoggerProvider : ILoggerProvider
{
    private readonly ServiceProvider _services;
    private readonly ConsoleFormatter _formatter;
    private readonly StreamWriter _writer = new(Stream.Null);

    public JsonSinkLoggerProvider()
    {
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = false;
                options.TimestampFormat = "O";
                options.UseUtcTimestamp = true;
            }))
            .BuildServiceProvider();
        _formatter = _services.GetServices<ConsoleFormatter>()
            .Single(f => f.Name == ConsoleFormatterNames.Json);
    }

    /// <summary>Records formatted so far; a check that both runs logged the same number of lines.</summary>
    public long Records { get; private set; }

    public ILogger CreateLogger(string categoryName) => new JsonSinkLogger(this, categoryName);

    public void Dispose() => _services.Dispose();

    internal void Write<TState>(in LogEntry<TState> entry)
    {
        _formatter.Write(in entry, null, _writer);
        Records++;
    }
}
