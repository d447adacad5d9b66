using System;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Fuzzing;

/// <summary>
/// The fuzz oracle's rule for excusing a compile error, on the real code generated for the account-link fragment
/// with one line broken by hand: only a generator diagnostic about the same spec element excuses it.
/// </summary>
public sealed class DiagnosticTieTests
{
    private const string OptionsFile = "account_links.AccountLinkCreateOptions.g.cs";

    private static readonly Lazy<GeneratorRun> Generated = new(() => GeneratorHarness.ForFragment().Run());

    [Theory]
    [InlineData("public required string RefreshUrl { get; set; }", "public required strin RefreshUrl { get; set; }")]
    [InlineData("writer.Write(FormNames.RefreshUrl, RefreshUrl);", "writer.Write(FormNames.RefreshUrl, 1, 2, 3);")]
    [InlineData("collector.CheckString(parent, WireNames.RefreshUrl, RefreshUrl, required: true, url: true);", "collector.CheckString(parent, WireNames.RefreshUrl, RefreshUr, required: true, url: true);")]
    public void AWarningAboutTheSameParameter_ExcusesTheError(string line, string broken)
    {
        (Diagnostic error, Compilation compilation) = Break(line, broken);

        Assert.NotNull(DiagnosticTie.Find(error, compilation, [Unsupported("refresh_url")], Repo.SpecText));
    }

    [Theory]
    [InlineData("public required string RefreshUrl { get; set; }", "public required strin RefreshUrl { get; set; }")]
    [InlineData("writer.Write(FormNames.RefreshUrl, RefreshUrl);", "writer.Write(FormNames.RefreshUrl, 1, 2, 3);")]
    public void AWarningAboutAnotherParameter_ExcusesNothing(string line, string broken)
    {
        (Diagnostic error, Compilation compilation) = Break(line, broken);

        Assert.Null(DiagnosticTie.Find(error, compilation, [Unsupported("expand"), Unsupported("return_url")], Repo.SpecText));
    }

    [Fact]
    public void ADiagnosticAtTheParametersSpecPosition_ExcusesTheError_AndOneElsewhereDoesNot()
    {
        (Diagnostic error, Compilation compilation) = Break("public required string RefreshUrl { get; set; }", "public required strin RefreshUrl { get; set; }");

        // The syntax error's message quotes nothing: only where it points ties it to an element.
        Assert.NotNull(DiagnosticTie.Find(error, compilation, [SyntaxError("refresh_url")], Repo.SpecText));
        Assert.Null(DiagnosticTie.Find(error, compilation, [SyntaxError("expand")], Repo.SpecText));
    }

    [Fact]
    public void ADiagnosticAboutTheWholeFile_ExcusesNothing()
    {
        (Diagnostic error, Compilation compilation) = Break("public required string RefreshUrl { get; set; }", "public required strin RefreshUrl { get; set; }");
        Diagnostic noOperations = Diagnostic.Create(DiagnosticDescriptors.NoOperations, Location.None, GeneratorHarness.SpecFilePath);

        Assert.Null(DiagnosticTie.Find(error, compilation, [noOperations], Repo.SpecText));
    }

    [Fact]
    public void ANestedType_TiesToTheLastSegmentOfItsPath()
    {
        (Diagnostic error, Compilation compilation) = Break(
            "public AccountLinkCollectionOptionsFields? Fields { get; set; }",
            "public AccountLinkCollectionOptionsField? Fields { get; set; }",
            "account_links.AccountLinkCollectionOptions.g.cs");

        Assert.NotNull(DiagnosticTie.Find(error, compilation, [Unsupported("fields")], Repo.SpecText));
        Assert.Null(DiagnosticTie.Find(error, compilation, [Unsupported("future_requirements")], Repo.SpecText));
    }

    /// <summary>Replaces one line of a generated file and returns the first error the compiler reports for it.</summary>
    private static (Diagnostic Error, Compilation Compilation) Break(string line, string broken, string file = OptionsFile)
    {
        Compilation output = Generated.Value.Output;
        SyntaxTree tree = output.SyntaxTrees.Single(t => t.FilePath.EndsWith(file, StringComparison.Ordinal));
        string text = tree.GetText().ToString();
        Assert.Contains(line, text, StringComparison.Ordinal);
        SyntaxTree brokenTree = CSharpSyntaxTree.ParseText(text.Replace(line, broken, StringComparison.Ordinal), (CSharpParseOptions)tree.Options, tree.FilePath);
        Compilation compilation = output.ReplaceSyntaxTree(tree, brokenTree);
        Diagnostic error = compilation.GetDiagnostics().First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(brokenTree, error.Location.SourceTree);
        return (error, compilation);
    }

    private static Diagnostic Unsupported(string key) =>
        Diagnostic.Create(DiagnosticDescriptors.UnsupportedSchema, At(key), key, "a list of lists", "the parameter");

    private static Diagnostic SyntaxError(string key) =>
        Diagnostic.Create(DiagnosticDescriptors.SpecSyntaxError, At(key), "a mapping is not expected here");

    /// <summary>The position of the first <c>{key}:</c> of the spec.</summary>
    private static Location At(string key)
    {
        string spec = Repo.SpecText;
        Match found = Regex.Match(
            spec, "^ *(" + Regex.Escape(key) + "):", RegexOptions.Multiline);
        Assert.True(found.Success, key + " is not a key of the fragment");
        var span = new TextSpan(found.Groups[1].Index, key.Length);
        return Location.Create(GeneratorHarness.SpecFilePath, span, SourceText.From(spec).Lines.GetLinePositionSpan(span));
    }
}
