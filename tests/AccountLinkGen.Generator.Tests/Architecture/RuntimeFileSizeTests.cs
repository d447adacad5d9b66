using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Architecture;

/// <summary>
/// Every hand-written C# file under <c>runtime/</c> (the DI package and the netstandard2.0 polyfills included, build
/// output not) holds at most 400 lines: a longer file holds more than one concept and wants splitting. The runtime as
/// a whole has no line budget; each file being readable in one sitting is the rule.
/// </summary>
public sealed class RuntimeFileSizeTests
{
    private const int MaxLines = 400;

    [Fact]
    public void NoRuntimeFile_IsOver400Lines()
    {
        var offenders = Sources()
            .Select(f => (File: Path.GetRelativePath(Runtime, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void TheCount_TakesEveryRuntimeFolder_AndNoBuildOutput()
    {
        // The check is only as good as what it walks.
        var files = Sources().Select(f => Path.GetRelativePath(Runtime, f).Replace('\\', '/')).ToList();

        Assert.Contains("Forms/FormWriter.cs", files);
        Assert.Contains("Polyfills/FormatPolyfills.cs", files);
        Assert.Contains("AccountLinkGen.Runtime.DependencyInjection/StripeClientServiceCollectionExtensions.cs", files);
        Assert.Contains("Webhooks/StripeWebhook.cs", files);
        Assert.Contains("Telemetry/OperationTelemetry.cs", files);
        Assert.Contains("Files/StripeFilePart.cs", files);
        Assert.Contains("Client/StripeClient.cs", files);

        // The runtime is built before these tests, so its obj/ holds generated sources that must not count.
        string built = Assert.Single(Directory.EnumerateFiles(Path.Combine(Runtime, "obj"), "AccountLinkGen.Runtime.AssemblyInfo.cs", SearchOption.AllDirectories).Take(1));
        Assert.DoesNotContain(Path.GetRelativePath(Runtime, built).Replace('\\', '/'), files);
    }

    private static string Runtime => Path.Combine(Repo.Root, "runtime");

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Runtime, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Runtime, f).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));
}
