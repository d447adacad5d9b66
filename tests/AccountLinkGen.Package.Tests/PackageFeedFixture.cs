using System;
using System.IO;

namespace AccountLinkGen.Package.Tests;

/// <summary>Packs AccountLinkGen, AccountLinkGen.Runtime and AccountLinkGen.Runtime.DependencyInjection once into a temporary folder feed.</summary>
public sealed class PackageFeedFixture : IDisposable
{
    public const string Version = "0.1.0-packagetest";

    /// <summary>The repository address the packages are built with, which the diagnostics' help links must carry.</summary>
    public const string RepositoryUrl = "https://example.com/accountlinkgen/accountlinkgen.git";

    public PackageFeedFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "accountlinkgen-package-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        string repo = DotNet.RepoRoot();
        foreach (string project in new[] { "generator/AccountLinkGen.Generator.csproj", "runtime/AccountLinkGen.Runtime.csproj", "runtime/AccountLinkGen.Runtime.DependencyInjection/AccountLinkGen.Runtime.DependencyInjection.csproj" })
        {
            // A separate output folder keeps this Release build away from the suite's own build outputs.
            DotNet.Succeed(repo, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-p:RepositoryUrl=" + RepositoryUrl,
                "-p:BaseOutputPath=" + Path.Combine(Root, "build", Path.GetFileNameWithoutExtension(project)) + "/");
        }
    }

    public string Root { get; }

    public string Feed { get; }

    /// <summary>A new consumer folder outside the repository, with a NuGet config that adds the feed.</summary>
    public string NewConsumer(string name, string projectXml, params (string Path, string Text)[] files)
    {
        string directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <packageSources>
                <add key="accountlinkgen-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), projectXml);
        foreach (var (path, text) in files)
        {
            string file = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is in the temp directory.
        }
    }
}
