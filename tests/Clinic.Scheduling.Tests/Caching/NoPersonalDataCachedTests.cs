using System.Reflection;
using Clinic.Platform.Privacy;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;
using Clinic.Scheduling.Tests.Fakes;

namespace Clinic.Scheduling.Tests.Caching;

/// <summary>
/// Proof that nothing personal is cached: every type the cache stores, and every type reachable from it,
/// has no patient id, no note and no classified member.
/// </summary>
public sealed class NoPersonalDataCachedTests
{
    private static readonly string[] PersonalNames = ["PatientId", "Note", "Email", "Phone"];

    /// <summary>
    /// What <see cref="SchedulingCache"/> keeps: free slots of a range, day schedules and offers, doctors,
    /// the list. <see cref="EveryLookup_storesOnlyTypesCheckedHere"/> keeps this list complete.
    /// </summary>
    public static TheoryData<Type> CachedTypes => new()
    {
        typeof(Stamped<FreeSlots>),
        typeof(Stamped<DaySchedule>),
        typeof(Stamped<DayOffer>),
        typeof(Stamped<Doctor>),
        typeof(Stamped<DoctorListResponse>),
    };

    [Theory]
    [MemberData(nameof(CachedTypes))]
    public void CachedType_andEverythingItHolds_carryNoPersonalData(Type cached)
    {
        var members = Reachable(cached).SelectMany(type => type.GetProperties()).ToList();

        Assert.NotEmpty(members);
        Assert.DoesNotContain(members, property => PersonalNames.Contains(property.Name));
        Assert.DoesNotContain(members, property =>
            property.GetCustomAttribute<PersonalDataAttribute>() is not null
            || property.GetCustomAttribute<PersonIdAttribute>() is not null);
    }

    [Fact]
    public async Task EveryLookup_storesOnlyTypesCheckedHere()
    {
        using var harness = new CacheHarness();
        var day = TimeText.Format(CacheHarness.Monday);
        var slot = harness.FirstSlot(CacheHarness.Monday);
        harness.Appointments.Hold(CacheHarness.DoctorId, slot, note: "a note");

        await harness.Get<DoctorDirectory>().ListAsync(CancellationToken.None);
        await harness.Slots.FindAsync(CacheHarness.DoctorId, day, day, CancellationToken.None);
        await harness.Get<DoctorDayQuery>().GetAsync(CacheHarness.DoctorId, day, CancellationToken.None);
        var stored = harness.Memory.Keys
            .Select(key => harness.Memory.TryGetValue(key, out var value) ? value!.GetType() : typeof(object))
            .SelectMany(StampedTypesIn)
            .Distinct()
            .ToList();

        Assert.Equal(5, stored.Count);
        var checkedHere = ((IEnumerable<object[]>)CachedTypes).Select(row => (Type)row[0]).ToList();
        Assert.All(stored, type => Assert.Contains(type, checkedHere));
    }

    // HybridCache wraps each value in a type of its own; the stamped type is among its type arguments.
    private static IEnumerable<Type> StampedTypesIn(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Stamped<>))
            return [type];

        var nested = type.IsGenericType ? type.GetGenericArguments() : [];
        return nested.SelectMany(StampedTypesIn).Concat(
            type.BaseType is { } parent && parent != typeof(object) ? StampedTypesIn(parent) : []);
    }

    private static IEnumerable<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type) || type.Namespace?.StartsWith("Clinic", StringComparison.Ordinal) != true)
                continue;

            foreach (var property in type.GetProperties())
            {
                pending.Push(property.PropertyType);
                foreach (var argument in property.PropertyType.GetGenericArguments())
                    pending.Push(argument);
            }
        }

        return seen.Where(type => type.Namespace?.StartsWith("Clinic", StringComparison.Ordinal) == true);
    }
}
