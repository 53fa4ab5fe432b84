using Microsoft.Extensions.Options;

namespace Clinic.LocalHost.Triggers;

/// <summary>
/// Fills <see cref="QueueTriggerOptions"/> from host.json, then from the local host's overrides, so both
/// hosts follow one file and only a test or a developer's setting makes the local one differ.
/// </summary>
public sealed class QueueTriggerOptionsSetup(IConfiguration configuration, IConfiguration hostJson)
    : IConfigureOptions<QueueTriggerOptions>
{
    public void Configure(QueueTriggerOptions options)
    {
        hostJson.GetSection(QueueTriggerOptions.HostJsonSection).Bind(options);
        configuration.GetSection(QueueTriggerOptions.OverrideSection).Bind(options);
    }
}
