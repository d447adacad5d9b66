using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Architecture;

/// <summary>
/// The runtime stays small enough to read in one sitting: every C# source under <c>runtime/</c> (the DI package and
/// the netstandard2.0 polyfills included, build output not) holds at most 2,500 lines in all. What later features
/// add (webhooks, files, and pagination to come) is counted apart, under a budget of its own: the 2,500 are the
/// client itself, sending and reading requests.
/// </summary>
public sealed class RuntimeSizeTests
{
    private const int MaxLines = 2_500;

    [Fact]
    public void Runtime_IsAtMost2500Lines()
    {
        var perFolder = Sources()
            .GroupBy(f => Path.GetRelativePath(Runtime, f).Split(Path.DirectorySeparatorChar)[0])
            .Select(g => $"{g.Key} {g.Sum(Lines)}")
            .OrderBy(s => s, StringComparer.Ordinal);
        int lines = Sources().Sum(Lines);

        Assert.True(lines <= MaxLines, $"runtime/ holds {lines} lines of C#; at most {MaxLines}. By folder: {string.Join(", ", perFolder)}.");
    }

    [Fact]
    public void TheCount_TakesEveryRuntimeFolder_AndNoBuildOutput()
    {
        // The check is only as good as what it walks.
        var files = Sources().Select(f => Path.GetRelativePath(Runtime, f).Replace('\\', '/')).ToList();

        Assert.Contains("Forms/FormWriter.cs", files);
        Assert.Contains("Polyfills/FormatPolyfills.cs", files);
        Assert.Contains("AccountLinkGen.Runtime.DependencyInjection/StripeClientServiceCollectionExtensions.cs", files);
        Assert.DoesNotContain(files, f => f.StartsWith("Webhooks/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("Telemetry/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("Files/", StringComparison.Ordinal));
        Assert.Contains("Http/StripeClient.cs", files);

        // The runtime is built before these tests, so its obj/ holds generated sources that must not count.
        string built = Assert.Single(Directory.EnumerateFiles(Path.Combine(Runtime, "obj"), "AccountLinkGen.Runtime.AssemblyInfo.cs", SearchOption.AllDirectories).Take(1));
        Assert.DoesNotContain(Path.GetRelativePath(Runtime, built).Replace('\\', '/'), files);
    }

    private static string Runtime => Path.Combine(Repo.Root, "runtime");

    /// <summary>
    /// Folders of features counted apart; <c>RuntimeFolderTests</c> keeps each within a limit of its own. Telemetry
    /// (traces, metrics, and the DI package's logs in its own <c>Telemetry/</c> folder) is the other: the client only
    /// calls it at a handful of points. Files (multipart uploads, downloads as streams) is a third: the client's loop
    /// hands it the request body and the successful response at one point each. Paging (the list types and the
    /// auto-paging loops) is a feature of its own too.
    /// </summary>
    private static readonly string[] CountedApart = { "Webhooks", "Telemetry", "Files", "Paging" };

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Runtime, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Runtime, f).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" || CountedApart.Contains(part)));

    private static int Lines(string file) => File.ReadLines(file).Count();
}
