using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Xml.Linq;
using Xunit;

namespace AccountLinkGen.Package.Tests;

/// <summary>
/// What the three packed packages carry: each its own README, the runtime and DI packages their symbols, the
/// analyzer package its dlls, and diagnostics whose help links name the repository the packages were built from.
/// </summary>
public sealed class PackageContentsTests : IClassFixture<PackageFeedFixture>
{
    private const string Generator = "AccountLinkGen";
    private const string Runtime = "AccountLinkGen.Runtime";
    private const string DependencyInjection = "AccountLinkGen.Runtime.DependencyInjection";

    private readonly PackageFeedFixture _feed;

    public PackageContentsTests(PackageFeedFixture feed) => _feed = feed;

    [Theory]
    [InlineData(Generator, "# AccountLinkGen\n")]
    [InlineData(Runtime, "# AccountLinkGen.Runtime\n")]
    [InlineData(DependencyInjection, "# AccountLinkGen.Runtime.DependencyInjection\n")]
    public void EachPackage_CarriesItsOwnReadme_NamedInItsNuspec(string id, string firstLine)
    {
        using ZipArchive package = Open(id + "." + PackageFeedFixture.Version + ".nupkg");

        XNamespace ns = Nuspec(package).Root!.Name.Namespace;
        Assert.Equal("README.md", Nuspec(package).Root!.Element(ns + "metadata")!.Element(ns + "readme")?.Value);
        string readme = Read(package, "README.md").Replace("\r\n", "\n");
        Assert.StartsWith(firstLine, readme);
        Assert.Equal(PackageFeedFixture.RepositoryUrl, Nuspec(package).Root!.Element(ns + "metadata")!.Element(ns + "repository")?.Attribute("url")?.Value);
    }

    [Theory]
    [InlineData(Runtime)]
    [InlineData(DependencyInjection)]
    public void TheLibraries_ShipASymbolsPackage_WithAPdbForEachFramework(string id)
    {
        using ZipArchive package = Open(id + "." + PackageFeedFixture.Version + ".nupkg");
        using ZipArchive symbols = Open(id + "." + PackageFeedFixture.Version + ".snupkg");

        var dlls = package.Entries.Where(e => e.FullName.StartsWith("lib/") && e.FullName.EndsWith(".dll")).Select(e => e.FullName).ToList();
        Assert.Equal(new[] { "lib/net8.0/" + id + ".dll", "lib/netstandard2.0/" + id + ".dll" }, dlls.OrderBy(d => d));
        var pdbs = symbols.Entries.Where(e => e.FullName.EndsWith(".pdb")).Select(e => e.FullName).OrderBy(p => p);
        Assert.Equal(dlls.Select(d => Path.ChangeExtension(d, ".pdb")).OrderBy(p => p), pdbs);
    }

    [Fact]
    public void TheAnalyzerPackage_CarriesTheGenerator_ItsDependencies_AndTheAnalyzers()
    {
        using ZipArchive package = Open(Generator + "." + PackageFeedFixture.Version + ".nupkg");

        var analyzers = package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/")).Select(e => Path.GetFileName(e.FullName)).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "AccountLinkGen.Generator.dll", "AccountLinkGen.Analyzers.dll", "AccountLinkGen.CodeFixes.dll", "Microsoft.OpenApi.dll", "Microsoft.OpenApi.Readers.dll", "SharpYaml.dll" },
            analyzers);
        Assert.DoesNotContain(package.Entries, e => e.FullName.StartsWith("lib/"));
    }

    [Theory]
    [InlineData("AccountLinkGen.Generator.dll", "AccountLinkGen.Generator.PackageInfo")]
    [InlineData("AccountLinkGen.Analyzers.dll", "AccountLinkGen.Analyzers.PackageInfo")]
    public void HelpLinks_NameTheRepositoryThePackageWasBuiltFrom(string dll, string type)
    {
        using ZipArchive package = Open(Generator + "." + PackageFeedFixture.Version + ".nupkg");
        using var bytes = new MemoryStream();
        using (Stream entry = package.GetEntry("analyzers/dotnet/cs/" + dll)!.Open())
        {
            entry.CopyTo(bytes);
        }

        // Only the constant is read: the type needs none of the compiler's assemblies to load.
        var context = new AssemblyLoadContext(dll, isCollectible: true);
        try
        {
            bytes.Position = 0;
            Assembly assembly = context.LoadFromStream(bytes);
            object? url = assembly.GetType(type, throwOnError: true)!.GetField("RepositoryUrl")!.GetRawConstantValue();
            Assert.Equal(PackageFeedFixture.RepositoryUrl, url);
        }
        finally
        {
            context.Unload();
        }
    }

    private ZipArchive Open(string fileName)
    {
        string path = Path.Combine(_feed.Feed, fileName);
        Assert.True(File.Exists(path), $"{fileName} is not in the feed: {string.Join(", ", Directory.EnumerateFiles(_feed.Feed).Select(Path.GetFileName))}");
        return ZipFile.OpenRead(path);
    }

    private static XDocument Nuspec(ZipArchive package) =>
        XDocument.Parse(Read(package, package.Entries.Single(e => e.FullName.EndsWith(".nuspec")).FullName));

    private static string Read(ZipArchive package, string entryName)
    {
        using var reader = new StreamReader(package.GetEntry(entryName)!.Open());
        return reader.ReadToEnd();
    }
}
