using Azure.Storage.Queues;
using Clinic.LocalHost.Tests.Infrastructure;
using Clinic.LocalHost.Triggers;
using Microsoft.Extensions.Configuration;
using Repository = Clinic.IntegrationTests.Infrastructure.Repository;

namespace Clinic.LocalHost.Tests.Triggers;

public sealed class QueueTriggerOptionsTests
{
    [Fact]
    public void Setup_withoutHostJsonSettings_usesTheFunctionsHostDefaults()
    {
        var options = Configure(Empty(), Empty());

        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.Zero, options.VisibilityTimeout);
        Assert.Equal(16, options.BatchSize);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxPollingInterval);
        Assert.Equal(QueueMessageEncoding.Base64, options.MessageEncoding);
    }

    [Fact]
    public void Setup_withTheRepositoryHostJson_readsItsQueueSettings()
    {
        var options = Configure(Empty(), HostJson.Load(Repository.PathOf("host.json")));

        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(10), options.VisibilityTimeout);
        Assert.Equal(16, options.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
        Assert.Equal(QueueMessageEncoding.None, options.MessageEncoding);
    }

    [Fact]
    public void HostJson_besideTheApp_isTheRepositoryOne()
    {
        var beside = HostJson.Load().GetSection(QueueTriggerOptions.HostJsonSection);
        var repository = HostJson.Load(Repository.PathOf("host.json"))
            .GetSection(QueueTriggerOptions.HostJsonSection);

        Assert.NotEmpty(beside.GetChildren());
        Assert.Equal(Lines(repository), Lines(beside));
    }

    [Fact]
    public void Setup_withLocalHostOverrides_letsThemWin()
    {
        var overrides = Settings(new()
        {
            ["LocalHost:Queues:MaxDequeueCount"] = "2",
            ["LocalHost:Queues:MessageEncoding"] = "base64",
        });

        var options = Configure(overrides, HostJson.Load(Repository.PathOf("host.json")));

        Assert.Equal(2, options.MaxDequeueCount);
        Assert.Equal(QueueMessageEncoding.Base64, options.MessageEncoding);
        Assert.Equal(TimeSpan.FromSeconds(10), options.VisibilityTimeout);
    }

    [Theory]
    [InlineData(nameof(QueueTriggerOptions.BatchSize), 33)]
    [InlineData(nameof(QueueTriggerOptions.BatchSize), 0)]
    [InlineData(nameof(QueueTriggerOptions.MaxDequeueCount), 0)]
    public void Validator_outOfRangeCount_fails(string property, int value)
    {
        var options = new QueueTriggerOptions();
        typeof(QueueTriggerOptions).GetProperty(property)!.SetValue(options, value);

        var result = new QueueTriggerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
    }

    [Fact]
    public void Validator_pollingFasterThanTheHostAllows_fails()
    {
        var options = new QueueTriggerOptions { MaxPollingInterval = TimeSpan.FromMilliseconds(10) };

        var result = new QueueTriggerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
    }

    [Fact]
    public void Validator_defaults_succeed()
    {
        var result = new QueueTriggerOptionsValidator().Validate(null, new QueueTriggerOptions());

        Assert.True(result.Succeeded);
    }

    private static QueueTriggerOptions Configure(IConfiguration configuration, IConfiguration hostJson)
    {
        var options = new QueueTriggerOptions();
        new QueueTriggerOptionsSetup(configuration, hostJson).Configure(options);
        return options;
    }

    private static IEnumerable<string> Lines(IConfiguration section) =>
        section.AsEnumerable().Select(pair => $"{pair.Key}={pair.Value}").Order(StringComparer.Ordinal);

    private static IConfiguration Empty() => Settings([]);

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
