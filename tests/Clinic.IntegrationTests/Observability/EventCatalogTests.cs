using System.Reflection;
using Clinic.Functions;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.LocalHost;
using Clinic.Platform;
using Clinic.Scheduling;
using Clinic.Users;
using Microsoft.Extensions.Logging;

namespace Clinic.IntegrationTests.Observability;

/// <summary>
/// The event catalog is a contract: workbooks and alert rules query these ids and names. Each event is
/// source-generated, its id is unique and inside its module's range, and docs/events.md lists it.
/// </summary>
public sealed class EventCatalogTests
{
    private static readonly Dictionary<string, (int First, int Last)> Ranges = new()
    {
        ["Clinic.Platform"] = (1000, 1149),
        ["Clinic.LocalHost"] = (1150, 1199),
        ["Clinic.Scheduling"] = (2000, 2099),
        ["Clinic.Users"] = (3000, 3099),
        ["Clinic.Billing"] = (4000, 4099),
        ["Clinic.Billing.Workflows"] = (4000, 4099),
        ["Clinic.Notifications"] = (5000, 5199),
    };

    [Fact]
    public void Events_haveUniqueIdsAndNamesInsideTheirModulesRange()
    {
        var events = Catalog().ToList();

        Assert.NotEmpty(events);
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(events.Count, events.Select(e => e.Name).Distinct().Count());
        Assert.All(events, e =>
        {
            var (first, last) = Ranges[e.Module];
            Assert.InRange(e.Id, first, last);
        });
    }

    [Fact]
    public void Events_areAllDocumentedInTheCatalog()
    {
        var catalog = File.ReadAllText(Repository.PathOf("docs", "events.md"));

        var missing = Catalog()
            .Where(e => !catalog.Contains($"| {e.Id} | `{e.Name}` |", StringComparison.Ordinal));

        Assert.Empty(missing.Select(e => $"{e.Id} {e.Name}"));
    }

    private static IEnumerable<(string Module, int Id, string Name)> Catalog() =>
        new[]
        {
            typeof(PlatformServiceCollectionExtensions).Assembly,
            typeof(SchedulingServiceCollectionExtensions).Assembly,
            typeof(UsersServiceCollectionExtensions).Assembly,
            typeof(Clinic.Billing.BillingServiceCollectionExtensions).Assembly,
            typeof(Clinic.Billing.Workflows.PaymentOrchestrator).Assembly,
            typeof(Clinic.Notifications.NotificationsServiceCollectionExtensions).Assembly,
            typeof(LocalHostApplication).Assembly,
            typeof(ClinicModules).Assembly,
        }
        .SelectMany(assembly => assembly.GetTypes())
        .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public
            | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Select(method => (method, attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
        .Where(pair => pair.attribute is not null)
        .Select(pair => (pair.method.DeclaringType!.Assembly.GetName().Name!, pair.attribute!.EventId,
            pair.attribute.EventName ?? "(unnamed)"));
}
