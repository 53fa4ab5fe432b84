using System.Diagnostics;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Changes;
using Clinic.Scheduling.Domain;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Clinic.IntegrationTests.Caching;

/// <summary>
/// What another instance changes reaches this one when the entry expires, not before; and the memory the cache
/// takes stays within its configured limit.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CacheExpiryTests(AzuriteFixture azurite)
{
    private const string Doctor = FutureSlots.ParisDoctor;

    [Fact]
    public async Task ChangeBehindTheCache_isSeenOnceTheEntryExpires_notBefore()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite.Azurite, new Dictionary<string, string?>
        {
            ["Cache:Expiration"] = "00:00:03",
        });
        var slot = (await FutureSlots.FindAsync(host.Client, Doctor, weeksAhead: 2))[0];
        var cachedAt = Stopwatch.StartNew();

        // As another instance would: committed in storage, invalidated nowhere here.
        await BookBehindTheCacheAsync(host.Services, slot);
        var right = await FutureSlots.FindAsync(host.Client, Doctor, weeksAhead: 2);
        var seenAfter = await WaitUntilTakenAsync(host.Client, slot, cachedAt);

        Assert.Contains(slot, right);
        Assert.NotNull(seenAfter);
        Assert.InRange(seenAfter.Value, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task SmallSizeLimit_manyDaysSearched_cacheStaysWithinIt()
    {
        const long limit = 2_048;
        await using var host = await RunningLocalHost.StartAsync(azurite.Azurite, new Dictionary<string, string?>
        {
            ["Cache:SizeLimitBytes"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cache:MaximumPayloadBytes"] = "1024",
        });
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);

        foreach (var doctor in new[] { Doctor, "dr-rohan-mehta", "dr-kenji-sato" })
        {
            var response = await host.Client.GetAsync(
                $"/api/doctors/{doctor}/slots?from={from:yyyy-MM-dd}&to={from.AddDays(30):yyyy-MM-dd}");
            response.EnsureSuccessStatusCode();
        }

        var memory = (MemoryCache)host.Services.GetRequiredService<IMemoryCache>();
        var statistics = memory.GetCurrentStatistics()!;
        Assert.InRange(statistics.CurrentEstimatedSize!.Value, 1, limit);
    }

    private static async Task BookBehindTheCacheAsync(IServiceProvider services, string start)
    {
        var doctor = (await services.GetRequiredService<DoctorDirectory>().FindAsync(Doctor, default))!;
        var at = Instant.FromDateTimeOffset(
            DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        var appointment = Appointment.Book(
            SchedulingIds.NewAppointmentId(), "cache-expiry-patient", doctor,
            new Slot(at, at + doctor.SlotLength, at.InZone(doctor.TimeZone)),
            SystemClock.Instance.GetCurrentInstant(),
            note: null);

        var outcome = await services.GetRequiredService<IAppointmentStore>().BookAsync(
            appointment, AppointmentChange.Of(AppointmentChangeKind.Booked, appointment, null), default);
        Assert.Equal(WriteOutcome.Done, outcome);
    }

    private static async Task<TimeSpan?> WaitUntilTakenAsync(HttpClient client, string slot, Stopwatch since)
    {
        while (since.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (!(await FutureSlots.FindAsync(client, Doctor, weeksAhead: 2)).Contains(slot))
                return since.Elapsed;
            await Task.Delay(200);
        }

        return null;
    }
}
