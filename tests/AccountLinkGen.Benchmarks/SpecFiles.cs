using System;
using System.IO;

namespace AccountLinkGen.Benchmarks;

/// <summary>The specs the benchmarks read, as paths relative to the repository root.</summary>
public static class SpecFiles
{
    public const string Fragment = "spec/account_links.yaml";

    public const string FullSpec = "../shared/stripe-openapi/spec3.2023-09-12.yaml";

    /// <summary>
    /// A full path for a path relative to the repository root. BenchmarkDotNet runs each benchmark from a generated
    /// project below the benchmark's bin folder, so the root is found by walking up to the solution file.
    /// </summary>
    public static string Resolve(string relativePath)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccountLinkGen.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, relativePath));
            }
        }

        throw new InvalidOperationException($"No AccountLinkGen.sln above {AppContext.BaseDirectory}.");
    }
}
