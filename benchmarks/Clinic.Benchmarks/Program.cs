using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Clinic.BenchmarkSupport;

// Booking throughput through the local host against Azurite's raw single-entity insert rate, measured in
// one run with the same concurrency. Usage: Clinic.Benchmarks <api base url> <storage connection string>
var apiBase = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:7071");
var connectionString = args.Length > 1 ? args[1] : "UseDevelopmentStorage=true";
const int Clients = 16;
const int Operations = 2000;
const int Warmup = 200;

using var http = new HttpClient { BaseAddress = apiBase };
var raw = await MeasureRawInsertsAsync(connectionString);
var slots = await CollectSlotsAsync(http, Operations + Warmup);
await BookAsync(http, slots.Take(Warmup).ToList(), new Latencies());
var booking = new Latencies();
await BookAsync(http, slots.Skip(Warmup).ToList(), booking);

Console.WriteLine($"clients: {Clients}");
Console.WriteLine($"raw insert (Azurite): {raw.Summary(throughput: true)}");
Console.WriteLine($"booking (local host): {booking.Summary(throughput: true)}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio booking/raw insert: {booking.PerSecond / raw.PerSecond:F2} (target >= 0.5)"));

static async Task<Latencies> MeasureRawInsertsAsync(string connectionString)
{
    var table = new TableServiceClient(connectionString)
        .GetTableClient("BenchRaw" + Guid.NewGuid().ToString("N")[..8]);
    await table.CreateIfNotExistsAsync();
    for (var i = 0; i < Warmup; i++)
        await table.AddEntityAsync(new TableEntity("warmup", i.ToString(CultureInfo.InvariantCulture)));

    var latencies = new Latencies();
    var next = -1;
    latencies.Start();
    await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) < Operations)
        {
            var entity = new TableEntity("p", Guid.NewGuid().ToString("N")) { ["Value"] = next };
            var watch = Stopwatch.StartNew();
            await table.AddEntityAsync(entity);
            latencies.Add(watch.Elapsed);
        }
    }));
    latencies.Stop();
    return latencies;
}

static async Task<List<(string Doctor, string Start)>> CollectSlotsAsync(HttpClient http, int wanted)
{
    var doctors = (await http.GetFromJsonAsync<JsonElement>("/api/doctors")).GetProperty("doctors")
        .EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
    var slots = new List<(string, string)>();
    for (var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        slots.Count < wanted;
        from = from.AddDays(31))
    {
        foreach (var doctor in doctors)
        {
            var url = $"/api/doctors/{doctor}/slots?from={from:yyyy-MM-dd}&to={from.AddDays(30):yyyy-MM-dd}";
            var body = await http.GetFromJsonAsync<JsonElement>(url);
            slots.AddRange(body.GetProperty("slots").EnumerateArray()
                .Select(s => (doctor, s.GetProperty("startUtc").GetString()!)));
        }
    }

    if (slots.Count < wanted)
        throw new InvalidOperationException($"Only {slots.Count} free slots; {wanted} needed.");
    return slots.Take(wanted).ToList();
}

static async Task BookAsync(HttpClient http, List<(string Doctor, string Start)> slots, Latencies latencies)
{
    var next = -1;
    latencies.Start();
    await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
    {
        int index;
        while ((index = Interlocked.Increment(ref next)) < slots.Count)
        {
            var (doctor, start) = slots[index];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments")
            {
                Content = JsonContent.Create(new { doctorId = doctor, start }),
            };
            request.Headers.Add("x-ms-client-principal", Principal($"bench-patient-{index}"));
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            latencies.Add(watch.Elapsed);
            if ((int)response.StatusCode != 201)
                throw new InvalidOperationException($"Booking answered {(int)response.StatusCode}.");
        }
    }));
    latencies.Stop();
}

static string Principal(string userId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
    $$"""{"identityProvider":"aad","userId":"{{userId}}","userRoles":["anonymous","authenticated"]}"""));
