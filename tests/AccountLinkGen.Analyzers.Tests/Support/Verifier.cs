using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AccountLinkGen.Analyzers.Tests.Support;

/// <summary>
/// Runs the analyzer and code fix over test code compiled against net8.0 with the <see cref="GeneratedClient"/>.
/// Compiler warnings are verified too: code that still assigns the obsolete property after the fix would fail
/// with an unexpected CS0618, and a fix that leaves a nullable warning behind would fail the same way.
/// </summary>
internal sealed class Verifier : CSharpCodeFixTest<ReplacedByAnalyzer, ReplacedByCodeFixProvider, DefaultVerifier>
{
    public Verifier() => Configure(this);

    /// <summary>
    /// The compilation every test uses: net8.0 and the runtime, nullable enabled, compiler warnings verified (the
    /// generated client's own files included: they must compile without one).
    /// </summary>
    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
        test.SolutionTransforms.Add(static (solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution
                .WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable))
                .AddMetadataReference(projectId, GeneratedClient.Runtime);
        });
    }

    /// <summary>ALG1001 at markup location <paramref name="location"/> for the account link's <c>Collect</c>.</summary>
    public static DiagnosticResult Alg1001(int location) =>
        new DiagnosticResult(AnalyzerDescriptors.UseReplacement)
            .WithLocation(location)
            .WithArguments("Collect", "CollectionOptions.Fields");

    /// <summary>The compiler's own obsolete warning, which the generated <c>[Obsolete]</c> raises at the same spot.</summary>
    public static DiagnosticResult Cs0618(int location) =>
        DiagnosticResult.CompilerWarning("CS0618").WithLocation(location);

    /// <summary>Both warnings an assignment of the generated <c>Collect</c> gets.</summary>
    public static DiagnosticResult[] CollectAssigned(int location) => [Alg1001(location), Cs0618(location)];

    /// <summary>Verifies that the fix turns <paramref name="source"/> into <paramref name="fixedSource"/>, one
    /// diagnostic at a time and through Fix All in document, project and solution.</summary>
    public static Task FixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = Create();
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(fixedSource);
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        if (fixedSource != source)
        {
            // Otherwise the fixed state inherits the expected CS0618s: the fixed code must have none at all.
            test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
        }

        test.AddSupportSources();
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies the diagnostics in <paramref name="source"/> and that no fix is offered for them.</summary>
    public static Task NoFixAsync(string source, params DiagnosticResult[] expected) =>
        FixAsync(source, source, expected);

    public static Verifier Create() => new();

    /// <summary>Adds the generated client to the test and the fixed state.</summary>
    public void AddSupportSources()
    {
        GeneratedClient.AddTo(TestState);
        GeneratedClient.AddTo(FixedState);
    }
}
