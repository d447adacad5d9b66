using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// A spec item's own options (<c>Namespace</c> metadata) and several specs in one project: hint names that stay
/// unique when two specs share a file name, one clear error when two specs would generate the same types, and
/// generated names that stay unambiguous under implicit usings.
/// </summary>
public sealed class SpecItemTests
{
    private const string SpecA = "/repo/stripe/a/spec.yaml";
    private const string SpecB = "/repo/stripe/b/spec.yaml";

    /// <summary>What <c>ImplicitUsings</c> adds to a console project.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    [Fact]
    public void NamespaceMetadata_PutsThatSpecsTypesInItsNamespace()
    {
        GeneratorRun run = GeneratorHarness.ForFragment()
            .WithFileMetadata(GeneratorHarness.SpecFilePath, "AccountLinkGenNamespace", " My.Stripe.Links ")
            .Run();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotNull(run.Output.GetTypeByMetadataName("My.Stripe.Links.AccountLinkCreateOptions"));
        Assert.Null(run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkCreateOptions"));
        Assert.Contains(run.Sources, s => s.HintName == "account_links.AccountLinkService.g.cs");
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void InvalidNamespaceMetadata_IsALG0006_NamingTheMetadataAndTheItem()
    {
        GeneratorRun run = GeneratorHarness.ForFragment()
            .WithFileMetadata(GeneratorHarness.SpecFilePath, "AccountLinkGenNamespace", "My..Stripe")
            .Run();

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ALG0006", diagnostic.Id);
        Assert.Contains("'Namespace' metadata of the AccountLinkGenSpec item", diagnostic.GetMessage());
        Assert.Contains("has the invalid value 'My..Stripe'", diagnostic.GetMessage());
        Assert.Contains(GeneratorHarness.SpecFilePath, diagnostic.GetMessage());
    }

    [Fact]
    public void TwoSpecsWithOneFileName_InTwoNamespaces_GetDistinctHintNames_AndCompile()
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
        harness.AdditionalFiles.Add((SpecA, Repo.SpecText));
        harness.AdditionalFiles.Add((SpecB, Repo.SpecText));
        harness.WithFileMetadata(SpecA, "AccountLinkGenNamespace", "Consumer.Stripe.A")
            .WithFileMetadata(SpecB, "AccountLinkGenNamespace", "Consumer.Stripe.B");

        GeneratorRun run = harness.Run();

        Assert.Null(run.GeneratorException);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "a.spec.AccountLinkService.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "b.spec.AccountLinkService.g.cs");
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.A.AccountLinkService"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.B.AccountLinkService"));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void SpecsWithOneFileName_TakeAsManyFoldersAsItTakesToTellThemApart()
    {
        var harness = new GeneratorHarness();
        foreach (var (path, ns) in new[] { ("/repo/x/v1/spec.yaml", "X"), ("/repo/y/v1/spec.yaml", "Y"), ("/repo/spec.yaml", "Root") })
        {
            harness.AdditionalFiles.Add((path, Repo.SpecText));
            harness.WithFileMetadata(path, "AccountLinkGenNamespace", ns);
        }

        GeneratorRun run = harness.Run();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(
            new[] { "repo.spec.AccountLinkService.g.cs", "x.v1.spec.AccountLinkService.g.cs", "y.v1.spec.AccountLinkService.g.cs" },
            run.Sources.Select(s => s.HintName).Where(h => h.EndsWith(".AccountLinkService.g.cs")).OrderBy(h => h));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void TwoSpecsInOneNamespace_AreOneALG0014_NamingBothFiles_NotAWallOfCS0101()
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
        harness.AdditionalFiles.Add((SpecB, Repo.SpecText));
        harness.AdditionalFiles.Add((SpecA, Repo.SpecText));

        GeneratorRun run = harness.Run();

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ALG0014", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith($"'{SpecB}' would generate types that '{SpecA}' already generates in namespace 'Consumer.Stripe' (", diagnostic.GetMessage());
        Assert.Contains("Namespace=", diagnostic.GetMessage());
        Assert.All(run.Sources, s => Assert.StartsWith("a.spec.", s.HintName));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void AFileResource_UnderImplicitUsings_CompilesWithoutAmbiguity()
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
        harness.AdditionalFiles.Add(("/repo/stripe/resources.yaml", Repo.ResourcesSpecText));
        harness.Sources.Add(ImplicitUsings);
        harness.Sources.Add("""
            namespace Consumer
            {
                using Consumer.Stripe;

                public static class Files
                {
                    public static async Task<long> SizeAsync(FileService files, string id) => (await files.GetAsync(id)).Size;

                    public static string? LinkedName(FileLink link) => link.ExpandedFile?.Filename ?? Path.GetFileName(link.File);

                    public static bool Exists(string path) => System.IO.File.Exists(path);
                }
            }
            """);

        GeneratorRun run = harness.Run();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.File"));
        Assert.Empty(run.CompileDiagnostics);
    }
}
