using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using AccountLinkGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace AccountLinkGen.Analyzers.Tests.Support;

/// <summary>
/// The generated client every test compiles beside its own code: the real generator, run once on the repository's
/// <c>spec/account_links.yaml</c> against net8.0 and the real runtime, so the analyzer and the fix see exactly what
/// users see (open enums as structs, the runtime's <c>[ReplacedBy]</c>), never a copy that can drift. The files
/// keep their generated names (<c>*.g.cs</c>), so the analyzer treats them as generated code, as in a build.
/// </summary>
/// <remarks>
/// The generator runs here rather than inside each test's workspace: the testing library analyzes a project's
/// generated documents, but the semantic model it hands a code fix does not contain them, so a fix could not bind
/// a generated type there although it can in an IDE.
/// </remarks>
internal static class GeneratedClient
{
    /// <summary>The namespace the tests' code imports.</summary>
    public const string Namespace = "Example.Stripe";

    private static readonly Lazy<ImmutableArray<(string Name, string Text)>> Sources = new(() => Generate(compatibility: null), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ImmutableArray<(string Name, string Text)>> StripeNetSources = new(() => Generate(compatibility: "StripeNet"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The runtime the generated code and the <c>[ReplacedBy]</c> attribute come from.</summary>
    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(ReplacedByAttribute).Assembly.Location);

    /// <summary>The repository the tests run in.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The generated files, by hint name.</summary>
    public static ImmutableArray<(string Name, string Text)> Files => Sources.Value;

    /// <summary>The generated files of <c>AccountLinkGenCompatibility=StripeNet</c> (enum parameters as strings), by hint name.</summary>
    public static ImmutableArray<(string Name, string Text)> StripeNetFiles => StripeNetSources.Value;

    /// <summary>Adds the generated files to a test state.</summary>
    public static void AddTo(ProjectState state)
    {
        foreach (var (name, text) in Files)
        {
            state.Sources.Add((name, SourceText.From(text)));
        }
    }

    private static ImmutableArray<(string Name, string Text)> Generate(string? compatibility)
    {
        var references = ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("namespace Consumer; internal static class Placeholder { }", parseOptions)],
            references.Add(Runtime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        string specPath = Path.Combine(RepositoryRoot, "spec", "account_links.yaml");
        var driver = CSharpGeneratorDriver.Create(
            [new AccountLinkGenerator().AsSourceGenerator()],
            [new SpecFile(specPath, File.ReadAllText(specPath))],
            parseOptions,
            new BuildProperties(compatibility));

        var result = driver.RunGenerators(compilation).GetRunResult();
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (result.Results.Single().Exception is { } exception || problems.Count > 0)
        {
            throw new InvalidOperationException("The generator did not generate the account-link client cleanly: " + string.Join("; ", problems), result.Results.Single().Exception);
        }

        return [.. result.GeneratedTrees.Select(tree => (Path.GetFileName(tree.FilePath), tree.GetText().ToString()))];
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AccountLinkGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository; AccountLinkGen.sln was not found above " + AppContext.BaseDirectory);
    }

    private sealed class SpecFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The build properties the generator reads here: the namespace of the generated types, and the compatibility mode.</summary>
    private sealed class BuildProperties(string? compatibility) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.AccountLinkGenNamespace"] = Namespace,
            ["build_property.AccountLinkGenCompatibility"] = compatibility ?? string.Empty,
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new([]);

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
