using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AccountLinkGen.Generator.Tests.Support;

/// <summary>The testing library's generator test, set up like a consumer: .NET 8 references and the runtime.</summary>
internal sealed class GeneratorTest : CSharpSourceGeneratorTest<AccountLinkGenerator, DefaultVerifier>
{
    public GeneratorTest(string specPath, string specText, params string[] globalProperties)
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        TestState.Sources.Add("namespace Consumer; public static class Placeholder { }");
        TestState.AdditionalFiles.Add((specPath, specText));
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(AccountLinkGen.FormWriter).Assembly.Location));
        string config = "is_global = true\nbuild_property.AccountLinkGenNamespace = Consumer.Stripe\n";
        foreach (string property in globalProperties)
        {
            config += "build_property." + property + "\n";
        }

        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
    }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.CSharp12;

    protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
}
