using Clinic.Functions;
using Clinic.LocalHost.Binding;
using Clinic.Platform.Http;
using Clinic.Platform.Observability;

namespace Clinic.LocalHost;

/// <summary>
/// An ASP.NET Core host for the Functions app's HTTP functions, for machines without Azure Functions Core
/// Tools. It serves the same function classes at the same routes under <c>/api</c> on 127.0.0.1:7071.
/// </summary>
public static class LocalHostApplication
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Logging.AddLocalLogging(builder.Configuration);
        builder.WebHost.ConfigureKestrel(
            kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        builder.Services.AddClinicModules(builder.Configuration);
        builder.Services.AddClinicTelemetry(builder.Configuration);
        builder.Services.AddHostedService<DemoDataSeedingService>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<ExceptionHandlingMiddleware>();
        app.UseProblemStatusPages();
        app.UseMiddleware<PrincipalTrustMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AccessPolicyMiddleware>();
        app.MapHttpFunctions(typeof(ClinicModules).Assembly);
        return app;
    }
}
