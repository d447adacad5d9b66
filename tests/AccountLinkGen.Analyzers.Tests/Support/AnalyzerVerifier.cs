using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AccountLinkGen.Analyzers.Tests.Support;

/// <summary>Runs the analyzer alone (no fix) over test code and the generated client.</summary>
internal sealed class AnalyzerVerifier : CSharpCodeFixTest<ReplacedByAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    public AnalyzerVerifier()
    {
        Verifier.Configure(this);
        GeneratedClient.AddTo(TestState);
    }
}
