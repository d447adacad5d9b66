using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// A client the real generator made from one spec, compiled and loaded into a collectible context of its own,
/// together with the generator's model of it and the diagnostics of the run: the model says what every generated
/// type and member is, so tests never guess from C# names.
/// </summary>
internal sealed class CompiledClient : IDisposable
{
    public const string Namespace = "Consumer.Stripe";

    private readonly AssemblyLoadContext _context;

    private CompiledClient(SpecModel model, Assembly assembly, AssemblyLoadContext context, ImmutableArray<Diagnostic> diagnostics)
    {
        Model = model;
        Assembly = assembly;
        _context = context;
        Diagnostics = diagnostics;
    }

    public SpecModel Model { get; }

    public Assembly Assembly { get; }

    /// <summary>The generator's diagnostics of the run, as a build would report them.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <exception cref="InvalidOperationException">The generator failed, or its output does not compile.</exception>
    public static CompiledClient Generate(string specPath, string specText)
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", Namespace);
        harness.AdditionalFiles.Add((specPath, specText));
        GeneratorRun run = harness.Run();
        if (run.GeneratorException is { } exception)
        {
            throw new InvalidOperationException($"The generator failed on {specPath}.", exception);
        }

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = run.Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"The client generated from {specPath} does not compile: " + string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }

        // The model step's output is the parsed spec, exactly as the emitters saw it.
        SpecModel model = run.Result.Results.Single().TrackedSteps[TrackingNames.Model]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .OfType<SpecModel>()
            .Single();

        var context = new AssemblyLoadContext(nameof(CompiledClient) + " " + Path.GetFileName(specPath), isCollectible: true);
        image.Position = 0;
        return new CompiledClient(model, context.LoadFromStream(image), context, run.GeneratorDiagnostics);
    }

    /// <summary>The generated type of that name.</summary>
    public Type Type(string name) =>
        Assembly.GetType(Namespace + "." + name) ?? throw new InvalidOperationException($"No generated type {name}.");

    public void Dispose() => _context.Unload();
}
