using System.Collections.Frozen;
using System.Reflection;
using Fluid;

namespace Clinic.Notifications.Templates;

/// <summary>
/// The notification templates embedded in this assembly, each parsed once. Resources are named
/// <c>Templates/&lt;locale&gt;/&lt;name&gt;.liquid</c>, such as <c>Templates/fr-FR/reminder.sms.liquid</c>.
/// Parsed templates are immutable, so one catalog serves every thread.
/// </summary>
internal sealed class TemplateCatalog
{
    public const string ResourcePrefix = "Templates/";
    public const string ResourceSuffix = ".liquid";

    private static readonly Lazy<TemplateCatalog> Embedded =
        new(() => Load(typeof(TemplateCatalog).Assembly), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, IFluidTemplate> _templates;

    private TemplateCatalog(FrozenDictionary<string, IFluidTemplate> templates)
    {
        _templates = templates;
        Locales = templates.Keys
            .Select(key => key[..key.IndexOf('/', StringComparison.Ordinal)])
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public static TemplateCatalog Shared => Embedded.Value;

    /// <summary>The locales that have templates, such as <c>en-US</c>.</summary>
    public IReadOnlySet<string> Locales { get; }

    /// <summary>A shipped locale's template <paramref name="name"/>, such as <c>reminder.sms</c>.</summary>
    public IFluidTemplate Get(string locale, string name) =>
        _templates.TryGetValue($"{locale}/{name}", out var template)
            ? template
            : throw new InvalidOperationException($"No template '{name}' for locale '{locale}' is embedded.");

    /// <summary>
    /// The template key (<c>fr-FR/reminder.sms</c>) of a manifest resource name, or null when the resource is
    /// not a template. Folder separators differ between build machines, so both are accepted.
    /// </summary>
    public static string? KeyOf(string resourceName)
    {
        var name = resourceName.Replace('\\', '/');
        if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
            || !name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            return null;

        return name[ResourcePrefix.Length..^ResourceSuffix.Length];
    }

    private static TemplateCatalog Load(Assembly assembly)
    {
        var parser = new FluidParser();
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (KeyOf(resource) is { } key)
                templates[key] = Parse(parser, assembly, resource);
        }

        return new TemplateCatalog(templates.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    private static IFluidTemplate Parse(FluidParser parser, Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Resource '{resource}' cannot be read.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();

        return parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template '{resource}' does not parse: {error}");
    }
}
