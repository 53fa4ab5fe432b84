using Clinic.Platform.Privacy;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Tests.Privacy;

public sealed class PseudonymRedactorTests
{
    [Fact]
    public void Redaction_ofAPersonId_isThePseudonymEventsLogExplicitly()
    {
        var services = new ServiceCollection()
            .Configure<PrivacyOptions>(options => options.PseudonymKey = Convert.ToBase64String(new byte[32]))
            .AddLogging(logging => logging.AddClinicRedaction())
            .BuildServiceProvider();

        var redacted = services.GetRequiredService<IRedactorProvider>()
            .GetRedactor(new DataClassificationSet(ClinicTaxonomy.PersonId))
            .Redact("patient-42");

        Assert.Equal(services.GetRequiredService<Pseudonymizer>().Pseudonymize("patient-42"), redacted);
    }
}
