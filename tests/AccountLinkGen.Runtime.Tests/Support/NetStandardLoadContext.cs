using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace AccountLinkGen.Runtime.Tests.Support;

/// <summary>
/// Loads the netstandard2.0 builds copied beside the tests (the runtime, and the consumer compiled against it) on
/// their own: the default context already holds the net8.0 runtime under the same name, so without this one the
/// consumer would bind to that instead. Everything else (the BCL, System.Text.Json) comes from the default context.
/// </summary>
public sealed class NetStandardLoadContext : AssemblyLoadContext
{
    public NetStandardLoadContext()
        : base("netstandard2.0 builds", isCollectible: true)
    {
    }

    /// <summary>Where the test project's build copies the netstandard2.0 outputs.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "netstandard2.0");

    public Assembly LoadBuild(string name)
    {
        string path = Path.Combine(Directory, name + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The netstandard2.0 build of {name} is not at {path}.", path);
        }

        return LoadFromAssemblyPath(path);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string path = Path.Combine(Directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
