using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clinic.BenchmarkSupport;
using Clinic.NotificationBenchmarks;
using Clinic.Notifications.Pipeline;
using Clinic.Notifications.Senders;
using Microsoft.Extensions.DependencyInjection;

// Booking latency with slow (2 s) or failing email/SMS senders against instant ones, each variant on its
// own local host in this one process over the same Azurite, with tables and queues of its own. After a
// shared warm-up the variants take turns, booking by booking, so JIT, caches and whatever else runs on the
// machine weigh on all three alike: a booking that never waits on a send keeps both ratios at or under 1.1.
// Then it waits for the senders and prints what each variant's were asked for: every booking's email and
// SMS, each tried once, or five times when the provider fails. Fewer would mean a variant was spared part
// of its load, which the ratios would not show.
// Usage: Clinic.NotificationBenchmarks <storage connection string> [measured bookings per variant]
var connectionString = args.Length > 0 ? args[0] : "UseDevelopmentStorage=true";
var measured = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
const int Clients = 8;
const int Patients = 40;
const int Warmup = 60;
const double Target = 1.1;

// Long enough for the delayed senders' backlog: 16 sends at a time per channel, 2 s each.
var settleBound = TimeSpan.FromMinutes(5);

var delayed = new DelayedSender(TimeSpan.FromSeconds(2));
var failing = new FailingSender();
var variants = new List<Variant>
{
    // The outbox folder sender the local host uses by default.
    new("instant", 1, provider =>
    {
        var outbox = provider.GetRequiredService<OutboxFolderSender>();
        return (outbox, outbox);
    }),
    new("delayed 2 s", 1, _ => (delayed, delayed)),

    // Every attempt fails: each message is tried MaxAttempts times, then dead-lettered.
    new("failing", new NotificationOptions().MaxAttempts, _ => (failing, failing)),
};

var hosts = new List<BenchmarkHost>();
try
{
    foreach (var variant in variants)
        hosts.Add(await BenchmarkHost.StartAsync(connectionString, variant.Register));
    var slots = new List<List<(string Doctor, string Start)>>();
    foreach (var host in hosts)
        slots.Add(await PrepareAsync(host.Client, Warmup + measured));

    await BookInTurnsAsync(hosts, slots, 0, Warmup, null);
    var latencies = variants.Select(_ => new Latencies()).ToList();
    var wall = Stopwatch.StartNew();
    await BookInTurnsAsync(hosts, slots, Warmup, measured, latencies);
    wall.Stop();
    var settle = Stopwatch.StartNew();
    var bookings = Warmup + measured;
    var allSent = await SettleAsync(variants, bookings, settleBound);
    settle.Stop();

    Console.WriteLine($"clients: {Clients}, patients: {Patients}, warm-up: {Warmup} per variant, measured: " +
        $"{measured} per variant, variants booking in turns");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{measured * variants.Count} measured bookings in {wall.Elapsed.TotalSeconds:F1} s " +
        $"({measured * variants.Count / wall.Elapsed.TotalSeconds:F1}/s)"));
    for (var v = 0; v < variants.Count; v++)
        Console.WriteLine($"{variants[v].Name,-12} {latencies[v].Summary()}");
    var pass = true;
    foreach (var (name, index) in new[] { ("delayed", 1), ("failing", 2) })
    {
        foreach (var (label, p) in new[] { ("p50", 0.50), ("p99", 0.99) })
        {
            var ratio = latencies[index].Percentile(p) / latencies[0].Percentile(p);
            pass &= ratio <= Target;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}({name})/{label}(instant): {ratio:F2} {(ratio <= Target ? "<=" : ">")} {Target}"));
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"sends asked of each variant's senders ({bookings} bookings each, an email and an SMS apiece; " +
        $"counted {settle.Elapsed.TotalSeconds:F0} s after the last booking):"));
    foreach (var variant in variants)
    {
        var expected = bookings * variant.AttemptsPerMessage;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{variant.Name,-12} email {variant.Sends.Emails,5}/{expected}, " +
            $"sms {variant.Sends.TextMessages,5}/{expected} " +
            $"({variant.AttemptsPerMessage} attempt{(variant.AttemptsPerMessage == 1 ? "" : "s")} each)"));
    }

    if (!allSent)
        Console.WriteLine($"not every variant's senders got all of their traffic within {settleBound}");
    pass &= allSent;
    Console.WriteLine(pass ? "PASS" : "FAIL");
    return pass ? 0 : 1;
}
finally
{
    foreach (var host in hosts)
        await host.DisposeAsync();
}

// Waits until each variant's senders were asked for every send its bookings make and have answered them
// all, or the bound passes; true if they all were asked. Then a moment more, for the handlers to record the
// last answers, so the hosts stop with nothing cut short.
static async Task<bool> SettleAsync(List<Variant> variants, int bookings, TimeSpan bound)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        var asked = variants.All(v => v.Sends.Emails >= bookings * v.AttemptsPerMessage
            && v.Sends.TextMessages >= bookings * v.AttemptsPerMessage);
        if ((asked && variants.All(v => v.Sends.Underway == 0)) || deadline.Elapsed > bound)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return asked;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
    }
}

// Patients with a profile, and the free slots the bookings will take, on one variant's host.
static async Task<List<(string Doctor, string Start)>> PrepareAsync(HttpClient http, int wanted)
{
    var doctors = await DoctorsAsync(http);
    for (var i = 0; i < Patients; i++)
        await SaveProfileAsync(http, PatientId(i));
    return await CollectSlotsAsync(http, doctors, wanted);
}

// Bookings [first, first + count) of every variant, the variants taking turns: booking n of the run goes to
// variant n % 3, so at any moment all three are being booked, by the same clients, under the same load.
static async Task BookInTurnsAsync(List<BenchmarkHost> hosts, List<List<(string Doctor, string Start)>> slots,
    int first, int count, List<Latencies>? latencies)
{
    var next = -1;
    var total = count * hosts.Count;
    await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
    {
        int n;
        while ((n = Interlocked.Increment(ref next)) < total)
        {
            var variant = n % hosts.Count;
            var index = first + (n / hosts.Count);
            var elapsed = await BookAsync(hosts[variant].Client, slots[variant][index], index);
            latencies?[variant].Add(elapsed);
        }
    }));
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

// Free slots from 2 weeks ahead (clear of any notice period), three weeks at a time until there are enough,
// taken from the doctors in turn so that concurrent bookings spread over doctors as real ones would.
static async Task<List<(string Doctor, string Start)>> CollectSlotsAsync(
    HttpClient http, List<string> doctors, int wanted)
{
    var perDoctor = doctors.Select(_ => new Queue<string>()).ToList();
    var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
    for (var window = 0; window < 8 && perDoctor.Sum(q => q.Count) < wanted; window++)
    {
        var to = from.AddDays(20);
        for (var d = 0; d < doctors.Count; d++)
        {
            var url = $"/api/doctors/{doctors[d]}/slots?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
            var body = await http.GetFromJsonAsync<JsonElement>(url);
            foreach (var slot in body.GetProperty("slots").EnumerateArray())
                perDoctor[d].Enqueue(slot.GetProperty("startUtc").GetString()!);
        }

        from = to.AddDays(1);
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

static async Task<TimeSpan> BookAsync(HttpClient http, (string Doctor, string Start) slot, int index)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments")
    {
        Content = JsonContent.Create(new { doctorId = slot.Doctor, start = slot.Start }),
    };
    request.Headers.Add("x-ms-client-principal", Principal(PatientId(index % Patients)));
    var watch = Stopwatch.StartNew();
    using var response = await http.SendAsync(request);
    var elapsed = watch.Elapsed;
    if ((int)response.StatusCode != 201)
        throw new InvalidOperationException($"Booking answered {(int)response.StatusCode}.");
    return elapsed;
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
