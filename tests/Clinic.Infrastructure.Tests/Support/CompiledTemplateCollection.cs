namespace Clinic.Infrastructure.Tests.Support;

/// <summary>Test classes that read the compiled template share one build of it.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "Compiled template";
}
