using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Emitting;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Architecture;

/// <summary>
/// The pipeline's shape, checked on the sources' code (comments do not count, either way): Parsing decides and knows
/// nothing of Emitting; Model knows neither; Emitting prints the model and never reads the spec or re-derives a name;
/// OpenAPI types stay in Parsing; the runtime knows nothing of the generator. And no source file grows past what one
/// reader takes in at once.
/// </summary>
public sealed class LayeringTests
{
    private const int MaxLines = 400;

    private const string OpenApi = "Microsoft\\.OpenApi";

    [Theory]
    [InlineData("generator/Parsing", "AccountLinkGen\\.Generator\\.Emitting|Emitting\\.")]
    [InlineData("generator/Model", "AccountLinkGen\\.Generator\\.Emitting|AccountLinkGen\\.Generator\\.Parsing|" + OpenApi)]
    [InlineData("generator/Emitting", "AccountLinkGen\\.Generator\\.Parsing|" + OpenApi + "|StripeConventions")]
    [InlineData("generator/Helpers", OpenApi)]
    [InlineData("generator/Diagnostics", OpenApi)]
    [InlineData("generator/AccountLinkGenerator.cs", OpenApi)]
    [InlineData("runtime", "AccountLinkGen\\.Generator|AccountLinkGenerator")]
    public void ThePlace_DoesNotReachInto(string place, string forbidden)
    {
        var offenders = Code(place)
            .Where(l => Regex.IsMatch(l.Text, forbidden))
            .Select(l => l.Where + ": " + l.Text.Trim())
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void TheRuntime_ReferencesNoGeneratorProjectOrAssembly()
    {
        var projectReferences = Directory.EnumerateFiles(Path.Combine(Repo.Root, "runtime"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Where(l => l.Contains("<ProjectReference") && l.Contains("generator", System.StringComparison.OrdinalIgnoreCase)).Select(l => Path.GetFileName(f) + ": " + l.Trim()))
            .ToList();
        var assemblyReferences = typeof(AccountLinkGen.FormWriter).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("AccountLinkGen.Generator", System.StringComparison.Ordinal) || a.Name.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal))
            .Select(a => a.Name!)
            .ToList();

        Assert.Empty(projectReferences);
        Assert.Empty(assemblyReferences);
    }

    [Fact]
    public void CommentsDoNotCount_ButCodeDoes()
    {
        string source = "// uses Microsoft.OpenApi\n/* Microsoft.OpenApi */ class A { /// <see cref=\"Microsoft.OpenApi\"/>\n string s = \"Microsoft.OpenApi\"; }\n";

        var code = CodeLines("A.cs", source).ToList();

        Assert.Equal(new[] { "A.cs:3" }, code.Where(l => Regex.IsMatch(l.Text, OpenApi)).Select(l => l.Where));
        Assert.Contains(code, l => l.Text.Contains("class A"));
    }

    [Fact]
    public void Emitters_DoNotDeriveNames()
    {
        // Identifier escaping, number formatting, an enum's extensions class, a service's resource and the names
        // only generated code uses (locals, the private nested classes of wire names and deprecation messages and the private helpers of the service
        // accessor and its registration, kept apart from the members every class has, the internal method by which
        // options copy themselves for a page) and the parts of a fully qualified name that parsing decided (the name a type
        // is declared with, its namespace) are spelling, made by Naming as the code is written; every other naming
        // rule (members beside a parameter, resources, verbs, parameters) is decided while parsing.
        var allowed = new HashSet<string>
        {
            "Identifier", "Invariant", "EnumExtensions", "ServiceResource", "Locals", "WireNameConstant", "FormNameField", "JsonNameField", "DeprecationConstant",
            "WireNamesClass", "FormNamesClass", "JsonNamesClass", "DeprecationsClass", "OperationField",
            "ServicePublisher", "RegisteredClient", "RegisteredServiceClient", "OptionsMembers", "ResponseMembers", "PageOptionsMethod",
            "DeclaredName", "NamespaceOf", "GlobalPrefix",
        };
        var offenders = Code("generator/Emitting")
            .SelectMany(l => Regex.Matches(l.Text, @"Naming\.(\w+)").Select(m => (l.Where, Member: m.Groups[1].Value)))
            .Where(u => !allowed.Contains(u.Member))
            .Select(u => u.Where + " Naming." + u.Member)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void TheCompilationFacts_AskForEveryPolyfillTheEmitterHas()
    {
        Assert.Equal(PolyfillEmitter.Types.Keys.OrderBy(k => k), CompilationFacts.PolyfilledAttributes.OrderBy(k => k));
    }

    [Fact]
    public void NoSourceFile_IsLongerThan400Lines()
    {
        var tooLong = new[] { "generator", "runtime", "tests", "samples" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repo.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f) && !f.Contains(Path.DirectorySeparatorChar + "Snapshots" + Path.DirectorySeparatorChar))
            .Select(f => (File: Path.GetRelativePath(Repo.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines}")
            .ToList();
        Assert.Empty(tooLong);
    }

    /// <summary>The code of a source file or of every source file in a folder, line by line, without comments.</summary>
    private static IEnumerable<(string Where, string Text)> Code(string place)
    {
        string path = Path.Combine(Repo.Root, place);
        IEnumerable<string> files = File.Exists(path)
            ? new[] { path }
            : Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f));
        Assert.NotEmpty(files);
        return files.SelectMany(f => CodeLines(Path.GetFileName(f), File.ReadAllText(f)));
    }

    /// <summary>A source's tokens joined per line: comments and doc comments are trivia, string literals are code.</summary>
    private static IEnumerable<(string Where, string Text)> CodeLines(string file, string source)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source);
        return tree.GetRoot().DescendantTokens()
            .GroupBy(t => tree.GetLineSpan(t.Span).StartLinePosition.Line)
            .Select(g => ($"{file}:{g.Key + 1}", string.Concat(g.Select(t => Spaces(t.LeadingTrivia) + t.Text + Spaces(t.TrailingTrivia)))));
    }

    private static string Spaces(SyntaxTriviaList trivia) =>
        string.Concat(trivia.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Select(t => t.ToString()));

    private static bool IsBuildOutput(string path) =>
        path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
        || path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar);
}
