using System.Reflection;
using Clinic.Platform.Privacy;
using Clinic.Scheduling.Application;
using Clinic.Scheduling.Caching;
using Clinic.Scheduling.Contracts;
using Clinic.Scheduling.Domain;

namespace Clinic.Scheduling.Tests.Caching;

/// <summary>
/// Proof that nothing personal is cached: every type the cache stores, and every type reachable from it,
/// has no patient id, no note and no classified member.
/// </summary>
public sealed class NoPersonalDataCachedTests
{
    private static readonly string[] PersonalNames = ["PatientId", "Note", "Email", "Phone"];

    /// <summary>What <see cref="SchedulingCache"/> keeps: day schedules and offers, doctors, the list.</summary>
    public static TheoryData<Type> CachedTypes => new()
    {
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
