using System.Net;
using Clinic.Platform.Identity;

namespace Clinic.LocalHost.Binding;

/// <summary>
/// In Azure only Static Web Apps can reach the Function App, so its principal header is trustworthy there.
/// The local host has no such gatekeeper: it believes the header only in Development and only from this
/// machine (the Static Web Apps CLI, tests, curl); anywhere else the header is dropped before anyone
/// reads it.
/// </summary>
public sealed partial class PrincipalTrustMiddleware(
    RequestDelegate next, IHostEnvironment environment, ILogger<PrincipalTrustMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.Request.Headers.ContainsKey(ClientPrincipalReader.HeaderName) && !IsTrusted(context))
        {
            context.Request.Headers.Remove(ClientPrincipalReader.HeaderName);
            LogUntrustedPrincipal(logger);
        }

        return next(context);
    }

    private bool IsTrusted(HttpContext context) =>
        environment.IsDevelopment()
        && context.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address);

    [LoggerMessage(1151, LogLevel.Warning,
        "Dropped a client principal header that the local host does not trust " +
        "(not Development, or not loopback)",
        EventName = "UntrustedPrincipalDropped")]
    private static partial void LogUntrustedPrincipal(ILogger logger);
}
