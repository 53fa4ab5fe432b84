using Clinic.Scheduling.Application;
using Clinic.Scheduling.Tests.Fakes;
using NodaTime;

namespace Clinic.Scheduling.Tests.Caching;

public sealed class DoctorDirectoryCacheTests : IDisposable
{
    private readonly CacheHarness _harness = new();

    private DoctorDirectory Directory => _harness.Get<DoctorDirectory>();

    [Fact]
    public async Task ListAsync_twice_readsStorageOnce()
    {
        await Directory.ListAsync(CancellationToken.None);

        var list = await Directory.ListAsync(CancellationToken.None);

        Assert.Equal(1, _harness.Doctors.Reads);
        Assert.Equal(7, list.Doctors.Count);
    }

    [Fact]
    public async Task FindAsync_unknownDoctorAddedLater_isFoundWithoutWaiting()
    {
        var missing = await Directory.FindAsync("dr-new-fictional", CancellationToken.None);
        await _harness.Doctors.AddIfMissingAsync(NewDoctor(), CancellationToken.None);

        var found = await Directory.FindAsync("dr-new-fictional", CancellationToken.None);

        Assert.Null(missing);
        Assert.NotNull(found);
    }

    [Fact]
    public async Task InvalidateAsync_doctorChanged_listAndProfileAreReadAgain()
    {
        await Directory.ListAsync(CancellationToken.None);
        await Directory.FindAsync(CacheHarness.DoctorId, CancellationToken.None);
        await _harness.Doctors.AddIfMissingAsync(NewDoctor(), CancellationToken.None);

        await Directory.InvalidateAsync("dr-new-fictional");
        var list = await Directory.ListAsync(CancellationToken.None);

        Assert.Contains(list.Doctors, doctor => doctor.Id == "dr-new-fictional");
        Assert.Equal(3, _harness.Doctors.Reads);
    }

    private static Scheduling.Domain.Doctor NewDoctor() => new(
        "dr-new-fictional", "Dr. Robin Vale", "Allergy", DateTimeZoneProviders.Tzdb["Europe/Paris"],
        Duration.FromMinutes(30), [], new HashSet<LocalDate>());

    public void Dispose() => _harness.Dispose();
}
