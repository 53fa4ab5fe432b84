using Microsoft.Extensions.DependencyInjection;

namespace Clinic.NotificationBenchmarks;

/// <summary>One way the senders behave, and the services that make its host behave so.</summary>
internal sealed record Variant(string Name, Action<IServiceCollection>? Services);
