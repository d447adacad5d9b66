using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Parsing;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Incremental;

/// <summary>The generator parses a spec once per change of that spec, never per keystroke in C#.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.Options, TrackingNames.CompilationFacts, TrackingNames.SpecInput, TrackingNames.Model, TrackingNames.Placements,
        TrackingNames.PlacedSpec, TrackingNames.SpecSources, TrackingNames.SpecDiagnostics, TrackingNames.ProjectDiagnostics,
    };

    [Fact]
    public void SecondRunOnTheSameInput_IsCachedEverywhere()
    {
        var harness = GeneratorHarness.ForFragment();
        CSharpCompilation compilation = harness.CreateCompilation();
        GeneratorDriver driver = harness.CreateDriver().RunGenerators(compilation);

        GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
        {
            Assert.All(Outputs(second, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void UnrelatedCSharpEdit_DoesNotReparseTheSpec()
    {
        var harness = GeneratorHarness.ForFragment();
        CSharpCompilation compilation = harness.CreateCompilation();
        GeneratorDriver driver = harness.CreateDriver().RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; public static class Edited { public static int X => 1; }", harness.ParseOptions));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(Outputs(second, TrackingNames.SpecInput), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Outputs(second, TrackingNames.Model), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Outputs(second, TrackingNames.CompilationFacts), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void EquivalentSpecEdit_ReparsesButLeavesTheOutputUnchanged()
    {
        var (driver, compilation, harness) = Start();
        GeneratorRunResult second = ReplaceSpec(driver, compilation, SpecParserTests.Equivalent(Repo.SpecText)).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second, TrackingNames.SpecInput)));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Outputs(second, TrackingNames.Model)));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void RealSpecEdit_IsModified_AndTheNewMembersExist()
    {
        var (driver, compilation, _) = Start();
        string changed = Repo.SpecText
            .Replace("                        - include\n                        - omit\n", "                        - include\n                        - omit\n                        - only\n")
            .Replace("                refresh_url:\n", "                locale:\n                  description: The language of the flow.\n                  maxLength: 10\n                  type: string\n                refresh_url:\n");
        Assert.Contains("- only", changed);
        Assert.Contains("locale:", changed);

        GeneratorDriver updated = ReplaceSpec(driver, compilation, changed);
        GeneratorRunResult second = updated.GetRunResult().Results.Single();
        updated.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second, TrackingNames.Model)));
        INamedTypeSymbol options = output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkCreateOptions")!;
        Assert.Single(options.GetMembers("Locale"));
        INamedTypeSymbol future = output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkCollectionOptionsFutureRequirements")!;
        Assert.Single(future.GetMembers("Only"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void EditingOneOfTwoSpecs_LeavesTheOtherSpecsOutputCached()
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
        var live = new GeneratorHarness.InMemoryAdditionalText("/repo/live/spec.yaml", Repo.SpecText);
        var preview = new GeneratorHarness.InMemoryAdditionalText("/repo/preview/spec.yaml", Repo.SpecText);
        harness.WithFileMetadata(live.Path, "AccountLinkGenNamespace", "Consumer.Stripe.Live")
            .WithFileMetadata(preview.Path, "AccountLinkGenNamespace", "Consumer.Stripe.Preview");
        CSharpCompilation compilation = harness.CreateCompilation();
        GeneratorDriver driver = harness.CreateDriver().AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(live, preview)).RunGenerators(compilation);

        string changed = Repo.SpecText.Replace("                refresh_url:\n", "                locale:\n                  type: string\n                refresh_url:\n");
        GeneratorRunResult second = driver
            .ReplaceAdditionalText(preview, new GeneratorHarness.InMemoryAdditionalText(preview.Path, changed))
            .RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }, Outputs(second, TrackingNames.Model));
        // The edit adds a parameter, not a type: the placements are not even recomputed.
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(Outputs(second, TrackingNames.Placements)));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }, Outputs(second, TrackingNames.PlacedSpec));
    }

    [Fact]
    public void ASpecEditThatOnlyMovesAWarning_ReportsItAgain_AndReEmitsNoSource()
    {
        // A parameter that is one of two untitled objects gives ALG0004 at its line; a comment above it moves the warning down.
        const string mixed = "                mixed:\n                  anyOf:\n                    - properties:\n                        a:\n                          type: string\n                      type: object\n                    - properties:\n                        b:\n                          type: string\n                      type: object\n";
        string spec = Repo.SpecText.Replace("                refresh_url:\n", mixed + "                refresh_url:\n");
        var original = new GeneratorHarness.InMemoryAdditionalText(GeneratorHarness.SpecFilePath, spec);
        var harness = GeneratorHarness.ForFragment();
        harness.AdditionalFiles.Clear();
        CSharpCompilation compilation = harness.CreateCompilation();
        GeneratorDriver driver = harness.CreateDriver().AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(original)).RunGenerators(compilation);
        Diagnostic before = Assert.Single(driver.GetRunResult().Diagnostics);

        GeneratorDriver moved = driver.ReplaceAdditionalText(original, new GeneratorHarness.InMemoryAdditionalText(GeneratorHarness.SpecFilePath, "# moved\n" + spec)).RunGenerators(compilation);
        GeneratorRunResult second = moved.GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second, TrackingNames.Model)));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Outputs(second, TrackingNames.SpecSources)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second, TrackingNames.SpecDiagnostics)));
        Assert.Equal(
            driver.GetRunResult().Results.Single().GeneratedSources.Select(g => (g.HintName, g.SourceText.ToString())),
            second.GeneratedSources.Select(g => (g.HintName, g.SourceText.ToString())));
        Diagnostic after = Assert.Single(second.Diagnostics);
        Assert.Equal(("ALG0004", before.Location.GetLineSpan().StartLinePosition.Line + 1), (after.Id, after.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Equal(before.GetMessage(), after.GetMessage());
    }

    [Fact]
    public void TheModelHoldsNoCompilerOrOpenApiObjects()
    {
        // A DiagnosticDescriptor is the one compiler type allowed: a static, immutable value compared by value, tied to
        // no compilation (the System.Text.Json generator's DiagnosticInfo holds one too).
        var allowed = new HashSet<Type> { typeof(string), typeof(int), typeof(bool), typeof(AccountLinkGen.Generator.Model.TypeKind), typeof(Microsoft.CodeAnalysis.DiagnosticDescriptor) };
        var visited = new HashSet<Type>();
        var queue = new Queue<Type>(new[] { typeof(SpecModel) });
        var problems = new List<string>();
        while (queue.Count > 0)
        {
            Type type = queue.Dequeue();
            if (!visited.Add(type) || allowed.Contains(type))
            {
                continue;
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                queue.Enqueue(underlying);
                continue;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            {
                queue.Enqueue(type.GetGenericArguments()[0]);
                continue;
            }

            if (type.Namespace != typeof(SpecModel).Namespace || !(type.IsSealed || type.IsEnum))
            {
                problems.Add(type.FullName!);
                continue;
            }

            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                queue.Enqueue(property.PropertyType);
            }
        }

        Assert.Empty(problems);
        Assert.Contains(typeof(OperationModel), visited);
        Assert.Contains(typeof(LocationInfo), visited);
    }

    [Fact]
    public void EverySpecModelPart_HasValueEquality()
    {
        SpecModel first = ModelBuilder.Parse(Repo.SpecText);
        SpecModel second = ModelBuilder.Parse(Repo.SpecText);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    private static readonly AdditionalText OriginalSpec = new GeneratorHarness.InMemoryAdditionalText(GeneratorHarness.SpecFilePath, Repo.SpecText);

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, GeneratorHarness Harness) Start()
    {
        var harness = GeneratorHarness.ForFragment();
        harness.AdditionalFiles.Clear();
        CSharpCompilation compilation = harness.CreateCompilation();
        GeneratorDriver driver = harness.CreateDriver().AddAdditionalTexts(ImmutableArray.Create(OriginalSpec));
        return (driver.RunGenerators(compilation), compilation, harness);
    }

    private static GeneratorDriver ReplaceSpec(GeneratorDriver driver, CSharpCompilation compilation, string text) =>
        driver.ReplaceAdditionalText(OriginalSpec, new GeneratorHarness.InMemoryAdditionalText(GeneratorHarness.SpecFilePath, text)).RunGenerators(compilation);

    private static IEnumerable<IncrementalStepRunReason> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> runs)
            ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason)
            : throw new Xunit.Sdk.XunitException($"The step '{step}' was not tracked.");
}
