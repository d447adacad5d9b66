using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Diagnostics;

/// <summary>
/// The x-accountLinkGen-* extensions are resolved while parsing: what they name is checked there (ALG0015), and the
/// generated code carries the resolved result, never a silently dropped rule.
/// </summary>
public sealed class ExtensionDiagnosticsTests
{
    [Fact]
    public void ReplacedBy_IsResolvedToCSharpNames_InTheAttribute()
    {
        GeneratorRun run = GeneratorHarness.ForFragment().Run();

        Assert.Empty(run.GeneratorDiagnostics);
        AttributeData attribute = ReplacedByAttribute(run)!;
        Assert.Equal(new object?[] { "collection_options.fields", "CollectionOptions.Fields" }, attribute.ConstructorArguments.Select(a => a.Value));
    }

    [Fact]
    public void ReplacedBy_NamingNoParameter_IsALG0015_AtTheDeprecatedParameter_AndNoAttributeIsGenerated()
    {
        string spec = Repo.SpecText.Replace("x-accountLinkGen-replacedBy: collection_options.fields", "x-accountLinkGen-replacedBy: collection_options.feilds");
        GeneratorRun run = GeneratorHarness.ForFragment(spec).Run();

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ALG0015", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'collection_options.feilds'", diagnostic.GetMessage());
        Assert.Contains("AccountLinkCreateOptions.Collect", diagnostic.GetMessage());
        Assert.StartsWith("collect:", LineAt(spec, diagnostic).TrimStart());
        Assert.Null(ReplacedByAttribute(run));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void MutuallyExclusive_NamingNoParameter_IsALG0015_AndThatGroupIsNotChecked()
    {
        string spec = Repo.SpecText.Replace("                  - collection_options\n        required: true", "                  - collection_option\n        required: true");
        Assert.NotEqual(Repo.SpecText, spec);
        GeneratorRun run = GeneratorHarness.ForFragment(spec).Run();

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ALG0015", diagnostic.Id);
        Assert.Contains("'collection_option'", diagnostic.GetMessage());
        Assert.StartsWith("x-accountLinkGen-mutuallyExclusive:", LineAt(spec, diagnostic).TrimStart());
        Assert.DoesNotContain("CheckMutuallyExclusive", run.Source("account_links.AccountLinkCreateOptions.g.cs"));
        Assert.Contains("CheckMutuallyExclusive", GeneratorHarness.ForFragment().Run().Source("account_links.AccountLinkCreateOptions.g.cs"));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void ObsoleteWarningsAreDisabled_OnlyInTheFilesOfClassesWithADeprecatedMember()
    {
        GeneratorRun run = GeneratorHarness.ForFragment().Run();

        var disabling = run.Sources.Where(s => s.SourceText.ToString().Contains("#pragma warning disable CS0618")).Select(s => s.HintName).ToList();
        Assert.Equal(new[] { "account_links.AccountLinkCreateOptions.g.cs" }, disabling);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Id == "CS0618");
    }

    private static AttributeData? ReplacedByAttribute(GeneratorRun run) =>
        run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkCreateOptions")!
            .GetMembers("Collect").Single()
            .GetAttributes().SingleOrDefault(a => a.AttributeClass?.Name == "ReplacedByAttribute");

    private static string LineAt(string text, Diagnostic diagnostic) =>
        text.Split('\n')[diagnostic.Location.GetLineSpan().StartLinePosition.Line];
}
