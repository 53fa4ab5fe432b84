using Clinic.Functions.Hosting;
using Clinic.Platform.Observability;
using Clinic.Platform.Privacy;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;

namespace Clinic.Functions;

/// <summary>
/// Configures the Functions worker the way Azure runs it. Program.cs calls it, and so does the start-up
/// test, which builds the same host without a Functions runtime in front of it.
/// </summary>
public static class ClinicFunctionsHost
{
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<ExceptionHandlingMiddleware>();
        builder.UseMiddleware<AccessPolicyMiddleware>();
        builder.Services.AddClinicModules(builder.Configuration);

        // Classified values (person ids, personal data) are redacted before any provider, so before export.
        builder.Logging.AddClinicRedaction();

        // The Functions host records each invocation as a request; the worker adds its logs, dependencies
        // and exceptions under it. The worker defaults tell the host not to relay the worker's logs as well,
        // and name the service after the function app.
        builder.Services
            .AddClinicTelemetry(builder.Configuration, setup => setup.TraceIncomingRequests = false)
            .UseFunctionsWorkerDefaults();
        return builder;
    }
}
