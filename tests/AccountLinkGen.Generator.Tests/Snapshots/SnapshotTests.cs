using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AccountLinkGen.Generator.Emitting;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Snapshots;

/// <summary>
/// Pins the code generated for <c>spec/account_links.yaml</c> to the files committed in <c>Snapshots/account_links/</c>.
/// Set <c>ACCOUNTLINKGEN_UPDATE_SNAPSHOTS=1</c> to rewrite them from the current generator, then review the diff.
/// That accept mode passes whatever the generator now emits, so it refuses to run where <c>CI=true</c>.
/// </summary>
/// <remarks>
/// The committed files hold <see cref="VersionPlaceholder"/> where the code names the generator's version, so that a
/// version bump rewrites no snapshot: the comparison puts the placeholder into the generated text first.
/// </remarks>
public sealed class SnapshotTests
{
    public const string UpdateVariable = "ACCOUNTLINKGEN_UPDATE_SNAPSHOTS";

    public const string VersionPlaceholder = "{generator-version}";

    private static readonly Regex GeneratorVersion = new(@"(GeneratedCode\(""AccountLinkGen"", "")[^""]*("")", RegexOptions.CultureInvariant);

    [Fact]
    public async Task AccountLinksFragment_GeneratesTheCommittedSnapshots()
    {
        if (AcceptMode(Environment.GetEnvironmentVariable(UpdateVariable), Environment.GetEnvironmentVariable("CI")))
        {
            RewriteSnapshots();
        }

        string[] snapshots = Directory.GetFiles(Repo.SnapshotDirectory, "*.g.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(snapshots);
        AssertSameFiles(snapshots);

        var test = new CSharpSourceGeneratorTest<AccountLinkGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add("namespace Consumer; public static class Placeholder { }");
        test.TestState.AdditionalFiles.Add((GeneratorHarness.SpecFilePath, Repo.SpecText));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.AccountLinkGenNamespace = Consumer.Stripe\n"));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(AccountLinkGen.FormWriter).Assembly.Location));
        foreach (string snapshot in snapshots)
        {
            string expected = File.ReadAllText(snapshot).Replace(VersionPlaceholder, SourceFile.GeneratorVersion);
            test.TestState.GeneratedSources.Add((typeof(AccountLinkGenerator), Path.GetFileName(snapshot), SourceText.From(expected, Encoding.UTF8)));
        }

        await test.RunAsync();
    }

    /// <summary>Whether to rewrite the snapshots; asked for in CI, it is an error rather than a pass that checks nothing.</summary>
    internal static bool AcceptMode(string? update, string? ci)
    {
        if (update != "1")
        {
            return false;
        }

        return !string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase)
            ? true
            : throw new InvalidOperationException(
                $"{UpdateVariable}=1 rewrites the snapshots from the current generator and passes, so with CI=true it would accept any "
                + $"change unreviewed. Unset {UpdateVariable} in CI; rewrite the snapshots locally and commit the reviewed diff.");
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "true", false)]
    [InlineData("0", "true", false)]
    [InlineData("1", null, true)]
    [InlineData("1", "false", true)]
    public void AcceptMode_IsOnlyForLocalRuns(string? update, string? ci, bool expected) => Assert.Equal(expected, AcceptMode(update, ci));

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public void AcceptMode_InCI_IsRefused(string ci)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AcceptMode("1", ci));

        Assert.Contains("CI=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshots_HoldThePlaceholder_NotAGeneratorVersion()
    {
        string[] snapshots = Directory.GetFiles(Repo.SnapshotDirectory, "*.g.cs");
        Assert.Contains(snapshots, f => File.ReadAllText(f).Contains(VersionPlaceholder));
        Assert.All(snapshots, f => Assert.All(GeneratorVersion.Matches(File.ReadAllText(f)), m => Assert.Contains(VersionPlaceholder, m.Value)));
    }

    [Fact]
    public void Scrub_ReplacesOnlyTheVersion()
    {
        const string Line = "[global::System.CodeDom.Compiler.GeneratedCode(\"AccountLinkGen\", \"9.8.7\")]";
        Assert.Equal("[global::System.CodeDom.Compiler.GeneratedCode(\"AccountLinkGen\", \"" + VersionPlaceholder + "\")]", Scrub(Line));
        Assert.Equal("GeneratedCode(\"Other\", \"9.8.7\")", Scrub("GeneratedCode(\"Other\", \"9.8.7\")"));
    }

    /// <summary>The generated text as committed: the generator's version replaced by <see cref="VersionPlaceholder"/>.</summary>
    private static string Scrub(string generated) => GeneratorVersion.Replace(generated, "${1}" + VersionPlaceholder + "${2}");

    /// <summary>Our own comparison first, for a message that names the file and shows the changed lines.</summary>
    private static void AssertSameFiles(string[] snapshots)
    {
        var generated = GeneratorHarness.ForFragment().Run().Sources.ToDictionary(s => s.HintName, s => Scrub(s.SourceText.ToString()));
        var problems = new List<string>();
        foreach (string snapshot in snapshots)
        {
            string name = Path.GetFileName(snapshot);
            if (!generated.Remove(name, out string? text))
            {
                problems.Add($"{name} is a snapshot but is no longer generated.");
                continue;
            }

            if (TextDiff.Describe(name, File.ReadAllText(snapshot), text) is { } diff)
            {
                problems.Add(diff);
            }
        }

        problems.AddRange(generated.Keys.Select(name => $"{name} is generated but has no snapshot."));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems) + Environment.NewLine + $"If the change is intended, run the tests with {UpdateVariable}=1 and review the snapshot diff.");
    }

    private static void RewriteSnapshots()
    {
        GeneratorRun run = GeneratorHarness.ForFragment().Run();
        Directory.CreateDirectory(Repo.SnapshotDirectory);
        foreach (string stale in Directory.GetFiles(Repo.SnapshotDirectory, "*.g.cs"))
        {
            File.Delete(stale);
        }

        foreach (GeneratedSourceResult source in run.Sources)
        {
            File.WriteAllText(Path.Combine(Repo.SnapshotDirectory, source.HintName), Scrub(source.SourceText.ToString()), new UTF8Encoding(false));
        }
    }
}
