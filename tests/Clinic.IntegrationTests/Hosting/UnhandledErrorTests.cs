using System.Net;
using Clinic.IntegrationTests.Infrastructure;
using Clinic.Platform.Errors;
using Clinic.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Clinic.IntegrationTests.Infrastructure.ApiClient;

namespace Clinic.IntegrationTests.Hosting;

/// <summary>
/// An exception nobody expected is logged once, with its correlation id and type but not its message (which
/// may quote input), raises an alert, and reaches the caller as problem details with nothing internal.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnhandledErrorTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "input-quoted-in-an-exception-7c1e";
    private RunningLocalHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningLocalHost.StartAsync(
        azurite.Azurite,
        services: services => services.AddSingleton<ICallerResolver, FailingCallerResolver>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UnexpectedException_isLoggedOnceWithoutItsMessage_andAnsweredWithACorrelationIdOnly()
    {
        var response = await _host.Client.SendAsync(Get("/api/me/profile").As("anyone"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        var correlationId = problem.GetProperty("correlationId").GetString()!;
        Assert.Equal("/problems/unexpected", problem.GetProperty("type").GetString());
        Assert.DoesNotContain(Secret, problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", problem.ToString(), StringComparison.Ordinal);

        var records = _host.Logs.GetSnapshot();
        var logged = Assert.Single(records, r => r.Id.Name == "UnhandledException");
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains(correlationId, logged.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), logged.Message, StringComparison.Ordinal);
        Assert.Contains(records, r => r.Id.Name == "AlertRaised");
        Assert.DoesNotContain(records, r => r.Message.Contains(Secret, StringComparison.Ordinal)
            || r.Exception?.Message.Contains(Secret, StringComparison.Ordinal) == true);
    }

    private sealed class FailingCallerResolver : ICallerResolver
    {
        public Task<Result<Caller>> ResolveAsync(ClientPrincipal principal, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Could not resolve '{Secret}'");
    }
}
