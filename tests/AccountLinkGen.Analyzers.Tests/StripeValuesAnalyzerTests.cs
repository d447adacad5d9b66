using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Analyzers.Tests.Support;
using AccountLinkGen.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AccountLinkGen.Analyzers.Tests;

/// <summary>
/// ALG1002 and ALG1003 on the real generator's output for the fragment in the Stripe.net compatibility mode, where
/// enum parameters are strings: a constant the spec does not list is flagged at the literal with the nearest listed
/// values, as a warning for a closed set (<c>collection_options[fields]</c>) and as information for an open one
/// (<c>type</c>); a listed value and a variable are not; the fix writes the nearest listed value.
/// </summary>
public sealed class StripeValuesAnalyzerTests
{
    [Fact]
    public async Task A_typo_in_a_closed_set_is_a_warning_at_the_literal_naming_the_nearest_value()
    {
        var diagnostics = await AnalyzeAsync("""
            var options = Link("account_onboarding");
            options.CollectionOptions = new AccountLinkCollectionOptionsOptions { Fields = "eventualy_due" };
            """);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("ALG1002", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("'eventualy_due' is not a value of 'Fields'; did you mean 'eventually_due'?", diagnostic.GetMessage());
        Assert.Equal("\"eventualy_due\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal("eventually_due", diagnostic.Properties[StripeValuesAnalyzer.NearestKey]);
    }

    [Fact]
    public async Task An_unlisted_value_of_an_open_set_is_information_only()
    {
        // A constant passed on to a parameter is a variable where the property is set: only the direct one counts.
        var diagnostics = await AnalyzeAsync("""
            var options = Link("acount_update");
            options.Type = "acount_onboarding";
            """);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("ALG1003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal("'acount_onboarding' is not a value the spec lists for 'Type'; did you mean 'account_onboarding'?", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Listed_values_variables_and_other_properties_are_not_reported()
    {
        var diagnostics = await AnalyzeAsync("""
            string chosen = System.Environment.GetEnvironmentVariable("FIELDS") ?? "x";
            var options = Link("account_update");
            options.CollectionOptions = new AccountLinkCollectionOptionsOptions { Fields = "currently_due", FutureRequirements = "include" };
            options.CollectionOptions.Fields = chosen;
            options.CollectionOptions.FutureRequirements = "";
            options.Account = "not_an_enum";
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void The_nearest_values_are_those_within_a_third_of_their_length_in_edits_nearest_first()
    {
        string[] listed = ["currently_due", "eventually_due", "include", "omit"];

        Assert.Equal(new[] { "eventually_due" }, StripeValuesAnalyzer.Nearest("Eventually-Due", listed));
        Assert.Equal(new[] { "omit" }, StripeValuesAnalyzer.Nearest("omitt", listed));
        Assert.Empty(StripeValuesAnalyzer.Nearest("something_else_entirely", listed));
    }

    [Fact]
    public async Task The_fix_writes_the_nearest_listed_value_and_the_warning_is_gone()
    {
        Document document = await DocumentAsync("""
            var options = Link("account_onboarding");
            options.CollectionOptions = new AccountLinkCollectionOptionsOptions { Fields = "eventualy_due" };
            """);
        Diagnostic diagnostic = Assert.Single(await AnalyzeAsync(document));
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);

        await new StripeValuesCodeFixProvider().RegisterCodeFixesAsync(context);

        CodeAction fix = Assert.Single(actions);
        Assert.Equal("Use 'eventually_due'", fix.Title);
        var operations = await fix.GetOperationsAsync(CancellationToken.None);
        Document fixedDocument = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        Assert.Contains("Fields = \"eventually_due\" }", (await fixedDocument.GetTextAsync()).ToString(), StringComparison.Ordinal);
        Assert.Empty(await AnalyzeAsync(fixedDocument));
    }

    /// <summary>The analyzer's diagnostics in <paramref name="statements"/>, compiled beside the generated client.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string statements) => await AnalyzeAsync(await DocumentAsync(statements));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers([new StripeValuesAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>A project with the generated client (Stripe.net compatibility mode) and <paramref name="statements"/> in a method.</summary>
    private static async Task<Document> DocumentAsync(string statements)
    {
        string code = $$"""
            using Example.Stripe;

            static class Usage
            {
                static AccountLinkCreateOptions Link(string type) => new()
                {
                    Account = "acct_1",
                    RefreshUrl = "https://example.com/reauth",
                    ReturnUrl = "https://example.com/return",
                    Type = type,
                };

                static void Run()
                {
                    {{statements}}
                }
            }
            """;
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithMetadataReferences(references.Add(GeneratedClient.Runtime))
            .WithParseOptions(parseOptions)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        foreach (var (name, text) in GeneratedClient.StripeNetFiles)
        {
            project = project.AddDocument(name, text).Project;
        }

        return project.AddDocument("Usage.cs", code);
    }
}
