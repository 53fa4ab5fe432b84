using System.Collections.Concurrent;
using Clinic.LocalHost.Binding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Clinic.IntegrationTests.Privacy;

/// <summary>
/// Records which HTTP functions a host served, whatever they answered: the first middleware of the pipeline,
/// reading the endpoint that routing chose once the request is done.
/// </summary>
public sealed class CalledFunctions : IStartupFilter
{
    private readonly ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _names.Keys.ToList();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            await nextMiddleware(context);
            if (context.GetEndpoint()?.Metadata.GetMetadata<HttpFunction>() is { } function)
                _names[function.Name] = true;
        });
        next(app);
    };
}
