using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clinic.Infrastructure.Tests.Support;

namespace Clinic.Infrastructure.Tests;

/// <summary>Alert rules and the audit workbook: their KQL and the event names it relies on.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class MonitoringTemplateTests(CompiledTemplate template)
{
    private IReadOnlyList<string> AlertQueries =>
        template.Module("alerts")["variables"]!.AsObject()
            .Where(pair => pair.Key.EndsWith("Query", StringComparison.Ordinal))
            .Select(pair => Normalize((string)pair.Value!))
            .ToList();

    [Fact]
    public void AlertRules_queries_areTheKqlOfTheObservabilityDocs()
    {
        var docs = Normalize(File.ReadAllText(Repository.PathOf("docs", "observability.md")));

        var queries = AlertQueries;

        Assert.Equal(3, queries.Count);
        Assert.All(queries, query => Assert.Contains(query, docs, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PaymentFailed")]
    [InlineData("CircuitOpened")]
    [InlineData("AlertRaised")]
    [InlineData("NotificationDeadLettered")]
    [InlineData("AccessDenied")]
    [InlineData("UnhandledException")]
    public void AlertRules_realTimeEvent_isWatched(string eventName)
    {
        var queries = AlertQueries;

        Assert.Contains(queries, query => query.Contains($"\"{eventName}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void AlertRules_all_notifyTheActionGroupEveryMinute()
    {
        var rules = CompiledTemplate.Resources(template.Root, "Microsoft.Insights/scheduledQueryRules");

        // One declaration, copied once per rule.
        var rule = Assert.Single(rules);
        Assert.NotNull(rule["copy"]);
        Assert.Equal("PT1M", (string?)rule["properties"]!["evaluationFrequency"]);
        Assert.Equal("PT5M", (string?)rule["properties"]!["windowSize"]);
        Assert.Single(rule["properties"]!["actions"]!["actionGroups"]!.AsArray());
    }

    [Fact]
    public void ActionGroup_email_isARequiredParameterWithoutDefault()
    {
        var parameter = template.Root["parameters"]!["alertEmailAddress"]!;

        var passed = (string?)template.ModuleParameter("alerts", "alertEmailAddress");

        Assert.Null(parameter["defaultValue"]);
        Assert.Equal("[parameters('alertEmailAddress')]", passed);
    }

    [Fact]
    public void Workbook_eventNames_areInTheEventCatalog()
    {
        var catalog = File.ReadAllText(Repository.PathOf("docs", "events.md"));
        var tiles = template.Module("audit-workbook")["variables"]!["tiles"]!.AsArray();

        var names = tiles
            .SelectMany(tile => QuotedName.Matches((string)tile!["query"]!))
            .Select(match => match.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains($"`{name}`", catalog, StringComparison.Ordinal));
    }

    [Fact]
    public void Workbook_source_isTheWorkspace()
    {
        var workbook = template.Single("Microsoft.Insights/workbooks");

        var source = (string?)template.ModuleParameter("audit-workbook", "workspaceId");

        Assert.Equal("[parameters('workspaceId')]", (string?)workbook["properties"]!["sourceId"]);
        Assert.Contains("logAnalyticsId", source, StringComparison.Ordinal);
    }

    // A quoted event name, as in == "Name" or in ("Name", ...); a startswith prefix is not a name.
    private static readonly Regex QuotedName = new(@"(?<!startswith )""([A-Z][A-Za-z]+)""");

    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
