using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Platform.Privacy;

public static class RedactionServiceCollectionExtensions
{
    /// <summary>
    /// Turns redaction on for every log record of the app: classified values are erased, person ids become
    /// keyed hashes (the pseudonym key), and an unknown classification is erased too, failing safe.
    /// </summary>
    public static ILoggingBuilder AddClinicRedaction(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);

        logging.EnableRedaction();
        logging.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<ErasingRedactor>(ClinicTaxonomy.PersonalData, ClinicTaxonomy.PaymentData);
            redaction.SetHmacRedactor(_ => { }, ClinicTaxonomy.PersonId);
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
        logging.Services.AddOptions<HmacRedactorOptions>()
            .Configure<IOptions<PrivacyOptions>>((hmac, privacy) =>
            {
                hmac.Key = privacy.Value.PseudonymKey!;
                hmac.KeyId = 1;
            });
        return logging;
    }
}
