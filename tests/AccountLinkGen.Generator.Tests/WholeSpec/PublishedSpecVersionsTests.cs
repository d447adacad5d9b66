using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// Every published version of Stripe's spec in the shared folder (the two current ones and each file of
/// <c>history/</c>) generates code that compiles with no error, and no warning in the generated code, in the
/// generator's own shape and in Stripe.net's. Users pin API versions: a generator that takes
/// today's spec must keep taking the ones they are pinned to. The cases are read from the folders, so a version
/// added there is covered without a change here.
/// </summary>
public sealed class PublishedSpecVersionsTests
{
    private const string Absent = "(shared folder absent)";

    private readonly ITestOutputHelper _output;

    public PublishedSpecVersionsTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> SpecFiles()
    {
        string folder = Path.GetDirectoryName(Repo.StripeSpecPath)!;
        if (!Directory.Exists(folder))
        {
            // A theory needs one row; this one skips with the reason.
            return new[] { new object[] { Absent } };
        }

        return Directory.EnumerateFiles(folder, "spec3*", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateFiles(Path.Combine(folder, "history"), "spec3*"))
            .Where(path => path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(folder, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new object[] { path });
    }

    /// <summary>Each version once more in Stripe.net's shape, as a team pinned to it and switching from Stripe.net builds it.</summary>
    public static IEnumerable<object[]> SpecFilesInEachMode() =>
        SpecFiles().SelectMany(row => new[] { new[] { row[0], string.Empty }, new[] { row[0], "StripeNet" } });

    [SkippableFact]
    public void TheFoldersHoldEveryVersionThisTestWasWrittenFor()
    {
        string folder = Path.GetDirectoryName(Repo.StripeSpecPath)!;
        Skip.IfNot(Directory.Exists(folder), $"Stripe's published specs are not at {folder}; this test runs where the shared folder is present (CI).");
        var found = SpecFiles().Select(row => (string)row[0]).ToList();

        // A floor, not the list: a version added to the folders is covered by the theory below without a change here.
        Assert.Contains("spec3.2023-09-12.yaml", found);
        Assert.Contains("spec3.sdk.2022-05-10.yaml", found);
        Assert.True(found.Count(f => f.StartsWith("history", StringComparison.Ordinal)) >= 3, string.Join(", ", found));
    }

    [SkippableTheory]
    [MemberData(nameof(SpecFilesInEachMode))]
    public void PublishedVersion_GeneratesCodeThatCompilesClean(string relativePath, string compatibility)
    {
        Skip.If(relativePath == Absent, $"Stripe's published specs are not beside the repository ({Path.GetDirectoryName(Repo.StripeSpecPath)}); this test runs where the shared folder is present (CI).");
        string path = Path.Combine(Path.GetDirectoryName(Repo.StripeSpecPath)!, relativePath);
        string root = compatibility.Length == 0 ? "Consumer.Stripe" : "Stripe";
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", root).WithProperty("AccountLinkGenCompatibility", compatibility);
        harness.AdditionalFiles.Add((path, File.ReadAllText(path)));

        GeneratorRun run = harness.Run();

        // Errors anywhere, and warnings in the generated code: it compiles clean in either mode.
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.IsInSource)).ToList();
        var byId = run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}");
        _output.WriteLine($"{relativePath} ({(compatibility.Length == 0 ? "default" : compatibility)}): {run.Sources.Count} files; generator diagnostics: {string.Join(", ", byId)}");
        foreach (Diagnostic d in run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Concat(errors).Take(40))
        {
            _output.WriteLine(d.ToString());
        }

        Assert.Null(run.GeneratorException);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
        Assert.True(run.Sources.Count > 100, $"{relativePath} generated only {run.Sources.Count} files");
        Assert.NotNull(run.Output.GetTypeByMetadataName(root + ".CustomerService"));
    }
}
