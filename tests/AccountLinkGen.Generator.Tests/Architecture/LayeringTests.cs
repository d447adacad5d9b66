using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Emitting;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Architecture;

/// <summary>
/// The pipeline's shape, checked on the sources: Parsing decides and knows nothing of Emitting; Model knows
/// neither; Emitting prints the model and never reads the spec or re-derives a name. And no source file grows past
/// what one reader takes in at once.
/// </summary>
public sealed class LayeringTests
{
    private const int MaxLines = 400;

    [Theory]
    [InlineData("Parsing", "AccountLinkGen.Generator.Emitting|Emitting\\.")]
    [InlineData("Model", "AccountLinkGen.Generator.Emitting|AccountLinkGen.Generator.Parsing|Microsoft.OpenApi")]
    [InlineData("Emitting", "AccountLinkGen.Generator.Parsing|Microsoft.OpenApi|StripeConventions")]
    public void AFolder_DoesNotReachInto(string folder, string forbidden)
    {
        var offenders = Lines(Path.Combine(Repo.Root, "generator", folder))
            .Where(l => Regex.IsMatch(l.Text, forbidden))
            .Select(l => l.Where)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Emitters_DoNotDeriveNames()
    {
        // Identifier escaping, number formatting, an enum's extensions class, a service's resource and the names
        // only generated code uses (locals, private wire-name members, kept apart from the members every class
        // has) are spelling, made by Naming as the code is written; every other naming rule (members beside a
        // parameter, resources, verbs, parameters) is decided while parsing.
        var allowed = new HashSet<string>
        {
            "Identifier", "Invariant", "EnumExtensions", "ServiceResource", "Locals", "WireNameConstant", "FormNameField", "JsonNameField",
            "OptionsMembers", "ResponseMembers",
        };
        var offenders = Lines(Path.Combine(Repo.Root, "generator", "Emitting"))
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

    private static IEnumerable<(string Where, string Text)> Lines(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => ($"{Path.GetFileName(f)}:{i + 1}", text)));

    private static bool IsBuildOutput(string path) =>
        path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
        || path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar);
}
