using System.Globalization;
using Clinic.LoggingBenchmarks;
using Clinic.Platform.Security;

// Encrypted billing-event logging against plain logging of the same events, into the same JSON-formatting
// sink, in one process and one thread; then how many key-encryption-key calls (Key Vault calls) the
// encrypted run made per 10,000 events. Usage: Clinic.LoggingBenchmarks [events] [max events per data key]
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var maxEventsPerDataKey = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;

var keyFolder = Directory.CreateTempSubdirectory("clinic-logging-bench-");
try
{
    using var localKey = LocalRsaKeyWrapper.OpenOrCreate(Path.Combine(keyFolder.FullName, "bench-key.pem"));
    using var benchmark = new LoggingBenchmark(new CountingKeyWrapper(localKey), events, maxEventsPerDataKey);
    benchmark.Run(Console.Out);
}
finally
{
    keyFolder.Delete(recursive: true);
}
