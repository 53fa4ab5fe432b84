using Clinic.Infrastructure.Tests.Support;

namespace Clinic.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class BicepCompilerTests(CompiledTemplate template)
{
    public static TheoryData<string> BicepFiles()
    {
        var infra = Repository.PathOf("infra");
        var files = Directory.EnumerateFiles(infra, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(files);
    }

    [Fact]
    public void Build_mainTemplate_succeedsWithoutWarnings()
    {
        var build = template.Build;

        Assert.True(build.ExitCode == 0, build.Printed);
        Assert.True(build.Printed.Length == 0, $"bicep build printed diagnostics:\n{build.Printed}");
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_bicepFile_reportsNothing(string file)
    {
        var lint = await BicepCli.RunAsync("lint", Repository.PathOf(file));

        Assert.True(lint.ExitCode == 0, lint.Printed);
        Assert.True(lint.Printed.Length == 0, $"bicep lint {file}:\n{lint.Printed}");
    }

    [Fact]
    public void Modules_everyReference_isALocalFile()
    {
        var main = File.ReadAllText(Repository.PathOf("infra", "main.bicep"));

        var paths = System.Text.RegularExpressions.Regex.Matches(main, @"^module\s+\w+\s+'([^']+)'",
                System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(match => match.Groups[1].Value)
            .ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, path =>
        {
            Assert.StartsWith("modules/", path, StringComparison.Ordinal);
            Assert.True(File.Exists(Repository.PathOf("infra", path)), path);
        });
    }
}
