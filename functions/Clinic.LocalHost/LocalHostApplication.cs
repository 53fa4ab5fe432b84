using System.Net;
using System.Net.Sockets;
using Clinic.Billing.Workflows;
using Clinic.Functions;
using Clinic.LocalHost.Binding;
using Clinic.LocalHost.Triggers;
using Clinic.Platform.Http;
using Clinic.Platform.Observability;
using Microsoft.DurableTask.Testing;

namespace Clinic.LocalHost;

/// <summary>
/// An ASP.NET Core host for the Functions app's HTTP functions, for machines without Azure Functions Core
/// Tools. It serves the same function classes at the same routes under <c>/api</c> on 127.0.0.1:7071, and
/// runs their queue- and timer-triggered functions as the Functions host would (see <c>Triggers</c>).
/// </summary>
public static class LocalHostApplication
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// The host, not yet started. <paramref name="settings"/> override every other configuration source and,
    /// unlike settings that <paramref name="configure"/> adds, are seen by the modules as they register
    /// (a module that picks an adapter by configuration does so then). <paramref name="configure"/> runs last,
    /// so it can replace any service.
    /// </summary>
    public static WebApplication Create(
        string[] args,
        Action<WebApplicationBuilder>? configure = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Logging.AddLocalLogging(builder.Configuration);
        builder.WebHost.ConfigureKestrel(
            kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        builder.Services.AddClinicModules(builder.Configuration);
        builder.Services.AddClinicTelemetry(builder.Configuration);
        AddDurableTask(builder);
        builder.Services.AddHostedService<DemoDataSeedingService>();
        builder.Services.AddLocalTriggers(typeof(ClinicModules).Assembly);
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

    /// <summary>
    /// Billing's orchestrations on the in-process Durable host (in memory, on a loopback gRPC port); its
    /// <c>DurableTaskClient</c> is what the local host binds to a function's Durable client parameter.
    /// </summary>
    private static void AddDurableTask(WebApplicationBuilder builder)
    {
        // Its own default is a random port in 30000-40000, which two hosts of one test run can both draw.
        builder.Services.AddInMemoryDurableTask(
            registry => registry.AddBillingWorkflows(),
            new InMemoryDurableTaskOptions { Port = FreeLoopbackPort() });

        // Its gRPC server and client log every call at Information.
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
