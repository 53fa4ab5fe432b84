using System.Diagnostics;
using OpenTelemetry;

namespace Clinic.Platform.Observability;

/// <summary>
/// Table Storage request URLs name entities by their keys, and some keys are user ids. Dependency telemetry
/// keeps the table and the operation but drops the keys and the query, so no person id leaves in a URL.
/// </summary>
public sealed class StorageKeyScrubber : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "http.url", "az.table.url"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);

        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url)
                data.SetTag(tag, Scrub(url));
        }
    }

    /// <summary>
    /// <c>.../Users(PartitionKey='x',RowKey='y')?$select=a</c> becomes <c>.../Users(...)</c>.
    /// </summary>
    public static string Scrub(string url)
    {
        ArgumentNullException.ThrowIfNull(url);

        var query = url.IndexOf('?', StringComparison.Ordinal);
        var withoutQuery = query < 0 ? url : url[..query];
        var keys = withoutQuery.IndexOf('(', StringComparison.Ordinal);
        return keys < 0 ? withoutQuery : withoutQuery[..keys] + "(...)";
    }
}
