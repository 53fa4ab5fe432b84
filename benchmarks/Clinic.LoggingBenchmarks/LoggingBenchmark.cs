using System.Diagnostics;
using System.Globalization;
using Clinic.Platform.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.LoggingBenchmarks;

/// <summary>
/// Plain and encrypted logging take turns in slices of the same events (ABBA order), after a warm-up of
/// both, so a busy moment of a shared machine falls on both sides alike. Reported for each side: throughput
/// over all its slices by wall clock and by process CPU time, and that of its fastest slice (the best
/// estimate of its cost on a quiet machine), with the ratios of each.
/// </summary>
internal sealed class LoggingBenchmark : IDisposable
{
    private const int Slices = 100;
    private static readonly EventId InvoicePaid = new(4001, "InvoicePaid");

    private readonly CountingKeyWrapper _wrapper;
    private readonly int _events;
    private readonly int _maxEventsPerDataKey;
    private readonly JsonSinkLoggerProvider _sink = new();
    private readonly ILogger _logger;
    private readonly EncryptedEventLog _encryptedLog;
    private readonly BillingEvent[] _samples;
    private readonly string[] _correlationIds;

    public LoggingBenchmark(CountingKeyWrapper wrapper, int events, int maxEventsPerDataKey)
    {
        _wrapper = wrapper;
        _events = Math.Max(events / Slices, 1) * Slices;
        _maxEventsPerDataKey = maxEventsPerDataKey;
        _logger = _sink.CreateLogger("Clinic.Billing");
        var options = Options.Create(new BillingLogOptions { MaxEventsPerDataKey = maxEventsPerDataKey });
        var ring = new DataKeyRing(wrapper, options, TimeProvider.System, NullLogger<DataKeyRing>.Instance);
        _encryptedLog = new EncryptedEventLog(new EnvelopeEncryptor(ring));
        _samples = [.. Enumerable.Range(0, _events).Select(Sample)];
        _correlationIds = [.. Enumerable.Range(0, _events).Select(i => $"corr-{i:D8}")];
    }

    public void Run(TextWriter output)
    {
        var warmup = Math.Max(_events / 10, 1000);
        RunPlain(0, Math.Min(warmup, _events));
        RunEncrypted(0, Math.Min(warmup, _events));
        var plain = new List<Cost>();
        var encrypted = new List<Cost>();
        var slice = _events / Slices;
        for (var i = 0; i < Slices; i++)
        {
            var start = i * slice;
            if (i % 2 == 0)
            {
                plain.Add(Measure(RunPlain, start, slice));
                encrypted.Add(Measure(RunEncrypted, start, slice));
            }
            else
            {
                encrypted.Add(Measure(RunEncrypted, start, slice));
                plain.Add(Measure(RunPlain, start, slice));
            }
        }

        Report(output, warmup, slice, plain, encrypted);
    }

    private void Report(TextWriter output, int warmup, int slice, List<Cost> plain, List<Cost> encrypted)
    {
        var encryptedEvents = Math.Min(warmup, _events) + _events;
        var callsPer10k = _wrapper.Calls * 10_000.0 / encryptedEvents;
        var plainWall = _events / Sum(plain, c => c.Wall).TotalSeconds;
        var encryptedWall = _events / Sum(encrypted, c => c.Wall).TotalSeconds;
        var plainCpu = _events / Sum(plain, c => c.Cpu).TotalSeconds;
        var encryptedCpu = _events / Sum(encrypted, c => c.Cpu).TotalSeconds;
        var plainBest = slice / plain.Min(c => c.Wall).TotalSeconds;
        var encryptedBest = slice / encrypted.Min(c => c.Wall).TotalSeconds;
        output.WriteLine(Invariant(
            $"events: {_events:N0} each way after a warm-up of {warmup:N0}, {Slices} slices, 1 thread"));
        output.WriteLine("sink: the console logger's JSON formatter, UTF-8 into a null stream, synchronous");
        output.WriteLine("                     per wall second  per CPU second  fastest slice");
        output.WriteLine(Invariant(
            $"plain logging:     {plainWall,16:N0}{plainCpu,16:N0}{plainBest,15:N0} events/s"));
        output.WriteLine(Invariant(
            $"encrypted logging: {encryptedWall,16:N0}{encryptedCpu,16:N0}{encryptedBest,15:N0} events/s"));
        var (wallRatio, cpuRatio, bestRatio) =
            (encryptedWall / plainWall, encryptedCpu / plainCpu, encryptedBest / plainBest);
        var ratios = Invariant($"{wallRatio,12:F2}{cpuRatio,16:F2}{bestRatio,15:F2}");
        output.WriteLine($"ratio encrypted/plain: {ratios} (target >= 0.8)");
        var wraps = Invariant($"key wraps: {_wrapper.Calls} for {encryptedEvents:N0} encrypted events");
        output.WriteLine(wraps + Invariant($", {_maxEventsPerDataKey:N0} per data key"));
        output.WriteLine(Invariant(
            $"Key Vault calls per 10,000 events: {callsPer10k:F2} (target <= 10; each wrap is one call)"));
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static TimeSpan Sum(List<Cost> costs, Func<Cost, TimeSpan> part) =>
        costs.Aggregate(TimeSpan.Zero, (total, cost) => total + part(cost));

    public void Dispose() => _sink.Dispose();

    /// <summary>
    /// Wall time, and the process's CPU time, which other tenants of a shared machine do not inflate.
    /// </summary>
    private static Cost Measure(Action<int, int> run, int start, int count)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var watch = Stopwatch.StartNew();
        run(start, count);
        return new Cost(watch.Elapsed, Environment.CpuUsage.TotalTime - cpu);
    }

    private void RunPlain(int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            var e = _samples[i];
            Log.InvoicePaid(_logger, e.InvoiceId, e.PatientPseudonym, e.Amount, e.Currency, e.CardLast4,
                e.PaymentToken, _correlationIds[i]);
        }
    }

    private void RunEncrypted(int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            _encryptedLog.Write(
                _logger, LogLevel.Information, InvoicePaid, _samples[i], BenchmarkJson.Default.BillingEvent,
                _correlationIds[i]);
        }
    }

    private static BillingEvent Sample(int i) => new(
        $"inv-{i:D8}",
        $"u_{i:x32}",
        100m + ((i % 5000) / 100m),
        "EUR",
        (1000 + (i % 9000)).ToString(CultureInfo.InvariantCulture),
        $"tok_{Guid.NewGuid():N}");
}
