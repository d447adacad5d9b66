using System.Reflection;
using System.Runtime.Loader;

namespace AccountLinkGen.Generator.Tests.Support;

/// <summary>
/// A collectible context for a compiled client that loads its own copy of the runtime. The object table a generated
/// client registers for typed webhook events is static state of the runtime, so a client sharing the test's
/// runtime would meet the tables of every client compiled before it in the process; here it meets only its own.
/// </summary>
internal sealed class OwnRuntimeLoadContext : AssemblyLoadContext
{
    private static readonly string RuntimePath = typeof(AccountLinkGen.FormWriter).Assembly.Location;

    public OwnRuntimeLoadContext(string name)
        : base(name, isCollectible: true)
    {
    }

    /// <summary>This context's runtime.</summary>
    public Assembly Runtime => LoadFromAssemblyName(typeof(AccountLinkGen.FormWriter).Assembly.GetName());

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name == typeof(AccountLinkGen.FormWriter).Assembly.GetName().Name ? LoadFromAssemblyPath(RuntimePath) : null;
}
