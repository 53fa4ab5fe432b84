using Clinic.Scheduling.Application;
using Clinic.Scheduling.Caching;
using Clinic.Scheduling.DemoData;
using Clinic.Scheduling.Domain;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Testing;

namespace Clinic.Scheduling.Tests.Fakes;

/// <summary>
/// Scheduling's lookups with the real cache registration over in-memory stores, on a fake clock that both the
/// cache and the services read.
/// </summary>
internal sealed class CacheHarness : IDisposable
{
    /// <summary>A Paris doctor who works Monday to Thursday, 08:30-12:30 and 13:30-17:30.</summary>
    public const string DoctorId = "dr-claire-dubois";

    public static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 7, 0);

    /// <summary>A Monday a week after <see cref="Now"/>: clear of any notice period.</summary>
    public static readonly LocalDate Monday = new(2027, 3, 8);

    private readonly ServiceProvider _services;

    public CacheHarness(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? EmptySettings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IClock>(new FakeClock(Now));
        services.AddSingleton<IAppointmentStore>(Appointments);
        services.AddSingleton<IDoctorStore>(Doctors);
        services.AddOptions<SchedulingOptions>();
        services.AddSchedulingCache(configuration);
        services.AddSingleton<DoctorDirectory>();
        services.AddSingleton<DoctorAdministration>();
        services.AddSingleton<DaySchedules>();
        services.AddSingleton<SlotSearch>();
        services.AddSingleton<DoctorDayQuery>();
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(Now.ToDateTimeOffset());

    public InMemoryAppointmentStore Appointments { get; } = new();

    public InMemoryDoctorStore Doctors { get; } = new(DemoDoctors.All);

    public Doctor Doctor { get; } = DemoDoctors.All.Single(doctor => doctor.Id == DoctorId);

    public IServiceProvider Services => _services;

    public SlotSearch Slots => Get<SlotSearch>();

    public DaySchedules Schedules => Get<DaySchedules>();

    public MemoryCache Memory => (MemoryCache)Get<IMemoryCache>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    private static Dictionary<string, string?> EmptySettings => [];

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The starts of the free slots of one day, as the API gives them.</summary>
    public async Task<List<string>> FreeStartsAsync(LocalDate day)
    {
        var date = Clinic.Scheduling.Application.TimeText.Format(day);
        var result = await Slots.FindAsync(DoctorId, date, date, CancellationToken.None);
        return result.Value!.Slots.Select(slot => slot.StartUtc).ToList();
    }

    /// <summary>The first slot of the day, 08:30 in Paris.</summary>
    public Instant FirstSlot(LocalDate day) =>
        SlotCalendar.Between(Doctor, day, day).First().Start;

    public void Dispose() => _services.Dispose();
}
