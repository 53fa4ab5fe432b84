using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Clinic.BenchmarkSupport;
using Clinic.Scheduling.Application;
using Microsoft.Extensions.DependencyInjection;

// Slot lookups of one doctor over 14 days, cached against uncached (Cache:Enabled=false), each on its own
// in-process local host over the same Azurite, in one run. The two variants alternate lookup by lookup, so
// both see the same machine. Measured at the service (SlotSearch), and end to end over HTTP for reference.
// Usage: Clinic.CacheBenchmarks <storage connection string> [measured lookups per variant]
var connectionString = args.Length > 0 ? args[0] : "UseDevelopmentStorage=true";
var measured = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
const string Doctor = "dr-amelia-hart";
const int Booked = 20;
const int Warmup = 100;
const double Target = 20;

await using var uncachedHost = await InProcessLocalHost.StartAsync(
    connectionString, new Dictionary<string, string?> { ["Cache:Enabled"] = "false" });
await using var cachedHost = await InProcessLocalHost.StartAsync(
    connectionString, new Dictionary<string, string?> { ["Cache:Enabled"] = "true" });
var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
var (fromText, toText) = (from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    from.AddDays(13).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
var path = $"/api/doctors/{Doctor}/slots?from={fromText}&to={toText}";
foreach (var host in new[] { uncachedHost, cachedHost })
    await BookSomeAsync(host.Client);

var uncached = SearchOf(uncachedHost);
var cached = SearchOf(cachedHost);
var service = (Uncached: new Latencies(), Cached: new Latencies());
for (var i = 0; i < Warmup + measured; i++)
{
    var keep = i >= Warmup;
    await TimeAsync(
        () => uncached.FindAsync(Doctor, fromText, toText, default), keep ? service.Uncached : null);
    await TimeAsync(
        () => cached.FindAsync(Doctor, fromText, toText, default), keep ? service.Cached : null);
}

var http = (Uncached: new Latencies(), Cached: new Latencies());
for (var i = 0; i < Warmup + (measured / 4); i++)
{
    var keep = i >= Warmup;
    await TimeAsync(() => uncachedHost.Client.GetStringAsync(path), keep ? http.Uncached : null);
    await TimeAsync(() => cachedHost.Client.GetStringAsync(path), keep ? http.Cached : null);
}

Console.WriteLine($"slot lookups of {Doctor}, {fromText} to {toText} (14 days), {Booked} booked, " +
    $"warm-up {Warmup}, alternating cached/uncached");
var pass = Report("SlotSearch", service.Uncached, service.Cached, Target);
Report("HTTP GET  ", http.Uncached, http.Cached, target: null);
Console.WriteLine(pass ? "PASS" : "FAIL");
return pass ? 0 : 1;

static SlotSearch SearchOf(InProcessLocalHost host) => host.Services.GetRequiredService<SlotSearch>();

static async Task TimeAsync<T>(Func<Task<T>> lookup, Latencies? into)
{
    var watch = Stopwatch.StartNew();
    await lookup();
    into?.Add(watch.Elapsed);
}

static bool Report(string name, Latencies uncached, Latencies cached, double? target)
{
    Console.WriteLine($"{name} uncached: {uncached.Summary("lookups", decimals: 4)}");
    Console.WriteLine($"{name} cached:   {cached.Summary("lookups", decimals: 4)}");
    var ratio50 = uncached.Percentile(0.50) / cached.Percentile(0.50);
    var ratio99 = uncached.Percentile(0.99) / cached.Percentile(0.99);
    var verdict = target is { } t ? (ratio50 >= t ? $" (target >= {t})" : $" (below target {t})") : "";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name} uncached/cached: p50 {ratio50:F1}x, p99 {ratio99:F1}x{verdict}"));
    return target is null || ratio50 >= target;
}

// Booked slots make the lookup subtract something, as it does in real use. The host seeds its doctors in the
// background as it starts, so the first searches may find none.
async Task BookSomeAsync(HttpClient client)
{
    List<string> starts = [];
    for (var attempt = 0; attempt < 100 && starts.Count == 0; attempt++)
    {
        var body = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(path);
        starts = body.TryGetProperty("slots", out var slots)
            ? slots.EnumerateArray().Select(s => s.GetProperty("startUtc").GetString()!).ToList()
            : [];
        if (starts.Count == 0)
            await Task.Delay(200);
    }

    foreach (var start in starts.Where((_, index) => index % 4 == 0).Take(Booked))
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments")
        {
            Content = JsonContent.Create(new { doctorId = Doctor, start }),
        };
        request.Headers.Add("x-ms-client-principal", Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"identityProvider":"aad","userId":"bench-cache-patient","userRoles":["authenticated"]}""")));
        using var response = await client.SendAsync(request);
        if ((int)response.StatusCode != 201)
            throw new InvalidOperationException($"Booking answered {(int)response.StatusCode}.");
    }
}
