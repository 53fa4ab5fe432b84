using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Clinic.Platform.Privacy;

public static class RedactionServiceCollectionExtensions
{
    /// <summary>
    /// Turns redaction on for every log record of the app: classified values are erased, person ids become
    /// their keyed-hash pseudonym (the same one events log explicitly), and an unknown classification is
    /// erased too, failing safe.
    /// </summary>
    public static ILoggingBuilder AddClinicRedaction(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);

        logging.EnableRedaction();
        logging.Services.TryAddSingleton<Pseudonymizer>();
        logging.Services.TryAddSingleton<PseudonymRedactor>();
        logging.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<ErasingRedactor>(ClinicTaxonomy.PersonalData, ClinicTaxonomy.PaymentData);
            redaction.SetRedactor<PseudonymRedactor>(ClinicTaxonomy.PersonId);
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
        return logging;
    }
}
