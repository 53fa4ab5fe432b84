using Clinic.Platform.Observability;

namespace Clinic.Platform.Tests.Observability;

public sealed class StorageKeyScrubberTests
{
    [Theory]
    [InlineData(
        "http://127.0.0.1:10002/devstoreaccount1/Users(PartitionKey='user',RowKey='patient-7')?$select=Roles",
        "http://127.0.0.1:10002/devstoreaccount1/Users(...)")]
    [InlineData("https://acct.table.core.windows.net/Appointments()?$filter=PartitionKey%20eq%20'x'",
        "https://acct.table.core.windows.net/Appointments(...)")]
    [InlineData("https://acct.table.core.windows.net/$batch", "https://acct.table.core.windows.net/$batch")]
    public void Scrub_dropsEntityKeysAndQuery(string url, string expected)
    {
        var scrubbed = StorageKeyScrubber.Scrub(url);

        Assert.Equal(expected, scrubbed);
    }
}
