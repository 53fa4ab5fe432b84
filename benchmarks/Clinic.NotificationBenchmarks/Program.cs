using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clinic.NotificationBenchmarks;
using Clinic.Notifications.Senders;
using Microsoft.Extensions.DependencyInjection;

// Booking latency with slow (2 s) or failing email/SMS senders against instant ones, each on a fresh local
// host in this one run: a booking that never waits on a send keeps both ratios at or under 1.1.
// Usage: Clinic.NotificationBenchmarks <storage connection string> [measured bookings]
var connectionString = args.Length > 0 ? args[0] : "UseDevelopmentStorage=true";
var measured = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
const int Clients = 8;
const int Patients = 40;
const int Warmup = 20;
const double Target = 1.1;

var delayed = new DelayedSender(TimeSpan.FromSeconds(2));
var failing = new FailingSender();
var instant = await RunAsync("instant", null);
var slow = await RunAsync("delayed 2 s", services =>
{
    services.AddSingleton<IEmailSender>(delayed);
    services.AddSingleton<ISmsSender>(delayed);
});
var down = await RunAsync("failing", services =>
{
    services.AddSingleton<IEmailSender>(failing);
    services.AddSingleton<ISmsSender>(failing);
});

Console.WriteLine($"clients: {Clients}, patients: {Patients}, warm-up: {Warmup}, measured: {measured}");
foreach (var (name, latencies) in new[] { ("instant", instant), ("delayed 2 s", slow), ("failing", down) })
    Console.WriteLine($"{name,-12} {latencies.Summary()}");
var pass = true;
foreach (var (name, latencies) in new[] { ("delayed", slow), ("failing", down) })
{
    foreach (var (label, p) in new[] { ("p50", 0.50), ("p99", 0.99) })
    {
        var ratio = latencies.Percentile(p) / instant.Percentile(p);
        pass &= ratio <= Target;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}({name})/{label}(instant): {ratio:F2} {(ratio <= Target ? "<=" : ">")} {Target}"));
    }
}

Console.WriteLine(pass ? "PASS" : "FAIL");
return pass ? 0 : 1;

async Task<Latencies> RunAsync(string name, Action<IServiceCollection>? services)
{
    await using var host = await BenchmarkHost.StartAsync(connectionString, services);
    var http = host.Client;
    var doctors = await DoctorsAsync(http);
    for (var i = 0; i < Patients; i++)
        await SaveProfileAsync(http, PatientId(i));
    var slots = await CollectSlotsAsync(http, doctors, Warmup + measured);

    await BookAsync(http, slots.Take(Warmup).ToList(), new Latencies());
    var latencies = new Latencies();
    await BookAsync(http, slots.Skip(Warmup).ToList(), latencies);
    Console.Error.WriteLine($"{name} done");
    return latencies;
}

// The host seeds its doctors in the background as it starts; bookings need them.
static async Task<List<string>> DoctorsAsync(HttpClient http)
{
    for (var attempt = 0; attempt < 100; attempt++)
    {
        var body = await http.GetFromJsonAsync<JsonElement>("/api/doctors");
        var doctors = body.GetProperty("doctors").EnumerateArray()
            .Select(d => d.GetProperty("id").GetString()!).ToList();
        if (doctors.Count > 0)
            return doctors;
        await Task.Delay(TimeSpan.FromMilliseconds(200));
    }

    throw new InvalidOperationException("The host seeded no doctors.");
}

static async Task SaveProfileAsync(HttpClient http, string patient)
{
    using var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/profile")
    {
        Content = JsonContent.Create(new
        {
            displayName = "Ana Martín",
            email = $"{patient}@example.test",
            phone = "+1 202-555-0147",
            preferredLanguage = "en-US",
            timeZone = ZoneAtNoon(),
            notificationChannels = new[] { "email", "sms" },
            smsConsent = true,
        }),
    };
    request.Headers.Add("x-ms-client-principal", Principal(patient));
    using var response = await http.SendAsync(request);
    if (!response.IsSuccessStatusCode)
        throw new InvalidOperationException($"Saving a profile answered {(int)response.StatusCode}.");
}

// Free slots 2 to 5 weeks ahead (clear of any notice period), taken from the doctors in turn so that
// concurrent bookings spread over doctors as real ones would.
static async Task<List<(string Doctor, string Start)>> CollectSlotsAsync(
    HttpClient http, List<string> doctors, int wanted)
{
    var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
    var perDoctor = new List<Queue<string>>();
    foreach (var doctor in doctors)
    {
        var url = $"/api/doctors/{doctor}/slots?from={from:yyyy-MM-dd}&to={from.AddDays(21):yyyy-MM-dd}";
        var body = await http.GetFromJsonAsync<JsonElement>(url);
        perDoctor.Add(new Queue<string>(body.GetProperty("slots").EnumerateArray()
            .Select(s => s.GetProperty("startUtc").GetString()!)));
    }

    var slots = new List<(string, string)>();
    while (slots.Count < wanted && perDoctor.Any(q => q.Count > 0))
    {
        for (var d = 0; d < doctors.Count && slots.Count < wanted; d++)
        {
            if (perDoctor[d].TryDequeue(out var start))
                slots.Add((doctors[d], start));
        }
    }

    if (slots.Count < wanted)
        throw new InvalidOperationException($"Only {slots.Count} free slots; {wanted} needed.");
    return slots;
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
            request.Headers.Add("x-ms-client-principal", Principal(PatientId(index % Patients)));
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            latencies.Add(watch.Elapsed);
            if ((int)response.StatusCode != 201)
                throw new InvalidOperationException($"Booking answered {(int)response.StatusCode}.");
        }
    }));
    latencies.Stop();
}

static string PatientId(int index) => "bench-notify-" + index.ToString("D2", CultureInfo.InvariantCulture);

// A zone where it is about noon now, so that no quiet hours hold an SMS back during the run.
static string ZoneAtNoon()
{
    var offset = ((12 - DateTime.UtcNow.Hour + 36) % 24) - 12;
    return offset switch
    {
        0 => "Etc/UTC",
        > 0 => $"Etc/GMT-{offset}",
        _ => $"Etc/GMT+{-offset}",
    };
}

static string Principal(string userId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
    $$"""{"identityProvider":"aad","userId":"{{userId}}","userDetails":"{{userId}}@example.test",""" +
    """
    "userRoles":["anonymous","authenticated"]}
    """));
