using System;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

/// <summary>
/// An <c>AccountLinkGenOverlay</c> adds the paths and schemas of a small OpenAPI document to the spec its
/// <c>Spec</c> metadata names, before the spec is read: the account-link fragment with a widgets overlay generates
/// both services. What cannot be added is reported (ALG0018) and left out; the rest is generated.
/// </summary>
public sealed class SpecOverlaysTests
{
    private const string OverlayPath = "/repo/spec/preview/widgets.yaml";

    private static readonly string Widgets = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "Parsing", "Specs", "widgets_overlay.yaml"));

    [Fact]
    public void An_overlay_adds_its_paths_and_schemas_to_the_spec_it_names()
    {
        GeneratorRun run = Run(Widgets, "account_links.yaml");

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.WidgetService"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.Widget"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkService"));
        // The overlay is no spec of its own: its types are generated once, with the spec's.
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("widgets.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_the_spec_has_is_not_replaced_and_the_rest_of_the_overlay_is_added()
    {
        string overlay = Widgets.Replace("paths:\n", "paths:\n  /v1/account_links:\n    post:\n      operationId: PostAccountLinksAgain\n      responses:\n        '200': { content: { application/json: { schema: { $ref: '#/components/schemas/widget' } } }, description: OK }\n", StringComparison.Ordinal);
        GeneratorRun run = Run(overlay, "account_links.yaml");

        Diagnostic problem = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ALG0018");
        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
        Assert.Contains("'/v1/account_links'", problem.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(OverlayPath, problem.GetMessage(), StringComparison.Ordinal);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.WidgetService"));
        // The spec's own operation is the one generated.
        var create = run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkService")!.GetMembers("CreateAsync").OfType<IMethodSymbol>().First();
        Assert.Equal("Consumer.Stripe.AccountLinkCreateOptions", create.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString());
    }

    [Fact]
    public void A_schema_the_spec_has_is_not_replaced()
    {
        string overlay = Widgets.Replace("    widget:\n", "    account_link:\n      type: object\n      properties:\n        url: { type: integer }\n    widget:\n", StringComparison.Ordinal);
        GeneratorRun run = Run(overlay, "account_links.yaml");

        Assert.Contains("'account_link'", Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ALG0018").GetMessage(), StringComparison.Ordinal);
        var url = (IPropertySymbol)run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLink")!.GetMembers("Url").Single();
        Assert.Equal(SpecialType.System_String, url.Type.SpecialType);
    }

    [Fact]
    public void An_overlay_without_Spec_metadata_is_reported_and_not_generated_as_a_spec_of_its_own()
    {
        GeneratorRun run = Run(Widgets, string.Empty);

        Assert.Contains("no Spec metadata", Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ALG0018").GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("widgets.", StringComparison.Ordinal));
        Assert.Null(run.Output.GetTypeByMetadataName("Consumer.Stripe.WidgetService"));
    }

    [Fact]
    public void A_missing_overlay_file_is_reported_with_the_spec_it_names()
    {
        GeneratorHarness harness = GeneratorHarness.ForFragment().WithProperty("AccountLinkGenMissingOverlays", "preview/gone.yaml>account_links.yaml");
        Diagnostic problem = Assert.Single(harness.Run().GeneratorDiagnostics, d => d.Id == "ALG0018");

        Assert.Equal("The overlay 'preview/gone.yaml' cannot be applied to 'account_links.yaml': the file does not exist; check the Include path, which is relative to the project file", problem.GetMessage());
    }

    [Theory]
    [InlineData("other_spec.yaml", "no AccountLinkGenSpec of that name")]
    [InlineData("spec/account_links.yaml", null)]
    public void An_overlay_names_its_spec_by_file_name_or_the_end_of_its_path(string spec, string? problem)
    {
        GeneratorRun run = Run(Widgets, spec);

        if (problem is null)
        {
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ALG0018");
            Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.WidgetService"));
        }
        else
        {
            Assert.Contains(problem, Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ALG0018").GetMessage(), StringComparison.Ordinal);
            Assert.Null(run.Output.GetTypeByMetadataName("Consumer.Stripe.WidgetService"));
        }
    }

    [Theory]
    [InlineData("title: not an API\n", "not an OpenAPI 3")]
    [InlineData("schema: { $ref: '#/components/schemas/widget' }", "must resolve within it")]
    public void An_overlay_that_cannot_be_read_is_reported_and_the_spec_is_generated(string change, string problem)
    {
        string overlay = change.StartsWith("title", StringComparison.Ordinal)
            ? change
            : Widgets.Replace(change, "schema: { $ref: '#/components/schemas/account_link' }", StringComparison.Ordinal);
        GeneratorRun run = Run(overlay, "account_links.yaml");

        Assert.Contains(problem, Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ALG0018").GetMessage(), StringComparison.Ordinal);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkService"));
        Assert.Null(run.Output.GetTypeByMetadataName("Consumer.Stripe.WidgetService"));
    }

    private static GeneratorRun Run(string overlay, string spec)
    {
        GeneratorHarness harness = GeneratorHarness.ForFragment().WithFileMetadata(OverlayPath, "AccountLinkGenOverlay", "true").WithFileMetadata(OverlayPath, "AccountLinkGenOverlayOf", spec);
        harness.AdditionalFiles.Add((OverlayPath, overlay));
        return harness.Run();
    }
}
