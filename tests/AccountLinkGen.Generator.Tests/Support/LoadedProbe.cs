using System;
using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Support;

/// <summary>
/// A compiled consumer in a collectible context of its own, with its probe class's static methods called by name: the
/// generated code runs as a consumer would run it, against the runtime the test built.
/// </summary>
internal sealed class LoadedProbe : IDisposable
{
    private readonly OwnRuntimeLoadContext _context;
    private readonly Type _probe;

    public LoadedProbe(GeneratorRun run, string probeType, string contextName)
    {
        _context = new OwnRuntimeLoadContext(contextName);
        using var stream = new MemoryStream();
        EmitResult result = run.Output.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        stream.Position = 0;
        _probe = _context.LoadFromStream(stream).GetType(probeType, throwOnError: true)!;
    }

    public T Call<T>(string method, params object[] arguments) =>
        (T)_probe.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    public void Dispose() => _context.Unload();
}
