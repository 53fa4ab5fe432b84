using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.LoggingBenchmarks;

/// <summary>
/// Source-generated serialization of the payload, as the billing module is advised to do (the
/// <c>JsonTypeInfo</c> overload of <c>EncryptedEventLog.Write</c>): no reflection on the logging path.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BillingEvent))]
internal sealed partial class BenchmarkJson : JsonSerializerContext;
