using Clinic.Functions;
using Clinic.LocalHost.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clinic.LocalHost.Tests.Hosting;

public sealed class LocalHostApplicationTests
{
    [Fact]
    public async Task Create_withDefaultSettings_registersTriggerServicesForTheAppsFunctions()
    {
        List<ServiceDescriptor> services = [];

        await using var app = LocalHostApplication.Create(
            ["--urls", "http://127.0.0.1:0", "--environment", "Development"],
            builder => services = [.. builder.Services]);

        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType == typeof(QueueTriggerService));
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType == typeof(TimerTriggerService));
        Assert.Contains(services, d => d.ImplementationInstance is FunctionAssembly function
            && function.Assembly == typeof(ClinicModules).Assembly);
    }
}
