using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// Spec names that the generated code uses for its own parameters and locals (<c>writer</c>, <c>item</c>, <c>i</c>,
/// <c>parent</c>, <c>collector</c>, <c>pair</c>, …), in a request body, a nested object, lists and maps of objects,
/// a response and a path: the code still compiles, with no warning, doc comments included, and the spec's names
/// are kept while the generated ones step aside.
/// </summary>
public sealed class GeneratedNamesTests
{
    private const string SpecPath = "/repo/spec/generated_names.yaml";

    private static string SpecText => File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "Emitting", "Specs", "generated_names.yaml"));

    [Fact]
    public void SpecNamesLikeGeneratedLocals_CompileWithoutAnyErrorOrWarning()
    {
        GeneratorRun run = Run();

        Assert.Null(run.GeneratorException);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompileDiagnostics.Count == 0, string.Join("\n", run.CompileDiagnostics));
        Assert.True(run.Sources.Count >= 10, $"only {run.Sources.Count} files generated");
    }

    [Fact]
    public void TheSpecsNamesAreKept_AndTheGeneratedOnesStepAside()
    {
        GeneratorRun run = Run();

        INamedTypeSymbol create = Type(run, "WidgetCreateOptions");
        Assert.All(new[] { "Clear", "Collector", "Default", "I", "Item", "Nested", "Pair", "Parent", "Tags", "ClearTags", "Writer" }, name => Assert.Single(create.GetMembers(name)));
        Assert.All(new[] { "Collector", "I", "Item", "Pair", "Parent", "Writer" }, name => Assert.Single(Type(run, "WidgetNestedOptions").GetMembers(name)));
        Assert.All(new[] { "Collector", "I", "Item", "Pair", "Parent", "Reader", "Utf8Json", "Writer", "ExpandedParent" }, name => Assert.Single(Type(run, "Widget").GetMembers(name)));

        // The service's own parameter keeps its name; the path parameter named like it takes the next free one.
        var update = (IMethodSymbol)Assert.Single(Type(run, "WidgetService").GetMembers("UpdateAsync"));
        Assert.Equal(new[] { "options2", "options", "requestOptions", "cancellationToken" }, update.Parameters.Select(p => p.Name));

        // The locals that met a spec name in the same method were renamed, not the spec's members.
        string source = run.Source("generated_names.WidgetCreateOptions.g.cs");
        Assert.Contains("if (Writer is { } writer2)", source);
        Assert.Contains("if (Parent is { } parent2)", source);
        Assert.Contains("if (Collector is { } collector2)", source);
        Assert.Contains("if (Default is { } @default)", source);
    }

    private static GeneratorRun Run()
    {
        var harness = new GeneratorHarness { DocumentationMode = DocumentationMode.Diagnose }.WithProperty("AccountLinkGenNamespace", "Consumer.Widgets");
        harness.Sources.Clear();
        harness.Sources.Add("namespace Consumer;\n/// <summary>A type of the consumer's own.</summary>\npublic static class Placeholder { }");
        harness.AdditionalFiles.Add((SpecPath, SpecText));
        return harness.Run();
    }

    private static INamedTypeSymbol Type(GeneratorRun run, string name) =>
        run.Output.GetTypeByMetadataName("Consumer.Widgets." + name) ?? throw new Xunit.Sdk.XunitException(name + " was not generated");
}
