using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Clinic.LogAuditor;

/// <summary>
/// One category's logger of <see cref="JsonLinesLoggerProvider"/>: console JSON through
/// <paramref name="formatter"/>, or compact JSON when there is none.
/// </summary>
internal sealed class JsonLinesLogger(
    string category, ConsoleFormatter? formatter, TextWriter writer, Lock gate) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter1)
    {
        if (!IsEnabled(logLevel))
            return;

        lock (gate)
        {
            if (formatter is null)
            {
                writer.WriteLine(CompactJsonRecord.Format(
                    DateTimeOffset.UtcNow, category, logLevel, eventId, state, formatter1(state, exception)));
            }
            else
            {
                var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter1);
                formatter.Write(in entry, null, writer);
            }

            writer.Flush();
        }
    }
}
