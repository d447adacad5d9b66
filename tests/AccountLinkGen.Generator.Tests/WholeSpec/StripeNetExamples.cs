using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// Stripe.net's own examples (<c>GeneratedExamplesTest.cs</c>, 395 facts written for the API version of the
/// 2023-09-12 spec) compiled unchanged against the client generated from that spec in namespace <c>Stripe</c> with
/// <c>AccountLinkGenCompatibility=StripeNet</c>, beside the two types Stripe.net's test project gives them.
/// </summary>
internal sealed class StripeNetExamples
{
    /// <summary>
    /// What the examples expect beside them in Stripe.net's test project: a fixture, and a base class whose
    /// StripeClient property is the client the services are built on. The fixture's address (stripe-mock serves the
    /// files host's paths too) is set before a run; a request is sent once, as a failure should show, not be retried.
    /// </summary>
    public const string TestBase = """
        namespace StripeTests
        {
            public sealed class StripeMockFixture
            {
                public static System.Uri BaseAddress { get; set; } = new System.Uri("http://127.0.0.1:1/");

                public AccountLinkGen.IStripeClient Client { get; } = new AccountLinkGen.StripeClient(new AccountLinkGen.StripeClientOptions { ApiKey = "sk_test_123", BaseAddress = BaseAddress, FilesBaseAddress = BaseAddress, MaxRetries = 0 });
            }

            public class BaseStripeTest : Xunit.IClassFixture<StripeMockFixture>
            {
                protected BaseStripeTest(StripeMockFixture stripeMockFixture) => StripeClient = stripeMockFixture.Client;

                protected AccountLinkGen.IStripeClient StripeClient { get; }
            }
        }
        """;

    private StripeNetExamples(GeneratorRun run, SyntaxTree tree, List<MethodDeclarationSyntax> facts, Dictionary<string, List<Diagnostic>> failing)
    {
        Run = run;
        Tree = tree;
        Facts = facts;
        Failing = failing;
    }

    public static string? SkipReason =>
        !File.Exists(Repo.StripeSpecPath) ? $"Stripe's published spec is not at {Repo.StripeSpecPath}; this test runs where the shared folder is present (CI)."
        : !File.Exists(Repo.StripeDotnetExamplesPath) ? $"Stripe.net's examples are not at {Repo.StripeDotnetExamplesPath}; this test runs where the shared folder is present (CI)."
        : null;

    public GeneratorRun Run { get; }

    /// <summary>The examples' own file in the compilation.</summary>
    public SyntaxTree Tree { get; }

    /// <summary>Every <c>[Fact]</c> method of the examples.</summary>
    public List<MethodDeclarationSyntax> Facts { get; }

    /// <summary>The facts the compiler reports errors in, with their errors.</summary>
    public Dictionary<string, List<Diagnostic>> Failing { get; }

    public IEnumerable<Diagnostic> Errors => Failing.Values.SelectMany(e => e);

    /// <summary>The overlay the examples are compiled with: <c>WholeSpec/Overlays/payment_method_configurations.json</c>.</summary>
    public static string OverlayPath { get; } = Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "WholeSpec", "Overlays", "payment_method_configurations.json");

    public static StripeNetExamples Compile()
    {
        string examples = File.ReadAllText(Repo.StripeDotnetExamplesPath);
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Stripe").WithProperty("AccountLinkGenCompatibility", "StripeNet");
        harness.AdditionalFiles.Add((Repo.StripeSpecPath, File.ReadAllText(Repo.StripeSpecPath)));

        // The payment method configurations Stripe.net 42 serves, which the 2023-09-12 spec does not describe yet.
        harness.AdditionalFiles.Add((OverlayPath, File.ReadAllText(OverlayPath)));
        harness.WithFileMetadata(OverlayPath, "AccountLinkGenOverlay", "true").WithFileMetadata(OverlayPath, "AccountLinkGenOverlayOf", Path.GetFileName(Repo.StripeSpecPath));
        harness.Sources.Add(TestBase);
        harness.Sources.Add(examples);
        harness.ExtraReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        harness.ExtraReferences.Add(MetadataReference.CreateFromFile(typeof(IClassFixture<>).Assembly.Location));

        GeneratorRun run = harness.Run();
        Assert.Null(run.GeneratorException);
        SyntaxTree tree = run.Output.SyntaxTrees.Single(t => t.ToString() == examples);
        var facts = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Fact"))
            .ToList();
        var failing = new Dictionary<string, List<Diagnostic>>();
        foreach (Diagnostic error in run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree))
        {
            string fact = tree.GetRoot().FindNode(error.Location.SourceSpan).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "(outside a fact)";
            (failing.TryGetValue(fact, out var list) ? list : failing[fact] = new List<Diagnostic>()).Add(error);
        }

        return new StripeNetExamples(run, tree, facts, failing);
    }

    /// <summary>An application of <c>WholeSpec/Apps/</c>, parsed as the examples are, to add to <see cref="Run"/>'s output.</summary>
    public SyntaxTree ParseApp(string file)
    {
        string path = Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "WholeSpec", "Apps", file);
        return CSharpSyntaxTree.ParseText(File.ReadAllText(path), (CSharpParseOptions)Tree.Options, path);
    }

    /// <summary>
    /// The compilation with the facts that do not compile taken out of the examples' class, so the others can run;
    /// nothing else of the file changes.
    /// </summary>
    public Compilation WithoutFailingFacts()
    {
        SyntaxNode root = Tree.GetRoot();
        SyntaxNode pruned = root.RemoveNodes(Facts.Where(f => Failing.ContainsKey(f.Identifier.Text)), SyntaxRemoveOptions.KeepNoTrivia)!;
        return Run.Output.ReplaceSyntaxTree(Tree, Tree.WithRootAndOptions(pruned, Tree.Options));
    }
}

/// <summary>
/// Compiles the examples once for the tests of <see cref="StripeNetExamplesCollection"/>, the first time one asks (a
/// test that skips compiles nothing), and lets the compilation go when they are done.
/// </summary>
public sealed class CompiledStripeNetExamples
{
    private readonly Lazy<StripeNetExamples> _examples = new(StripeNetExamples.Compile);

    internal StripeNetExamples Examples => _examples.Value;
}

/// <summary>The tests that read the compiled examples: one compilation of the whole spec serves them all.</summary>
[CollectionDefinition(Name)]
public sealed class StripeNetExamplesCollection : ICollectionFixture<CompiledStripeNetExamples>
{
    public const string Name = "Stripe.net's examples";
}
