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
/// The client generated from Stripe's whole spec, compiled and loaded once for the tests of one class (generation
/// and compilation take most of a minute), together with the generator's own model of it: the model names each
/// operation's service method and each property's wire name, so the tests never guess a C# name.
/// </summary>
/// <remarks>
/// It is generated from the spec stripe-mock validates with (<see cref="StripeMockFixture.SpecPath"/>, the
/// published YAML as JSON plus <c>collection_options</c> on <c>POST /v1/account_links</c>), so that what the client
/// can send and what the server checks come from one document.
/// </remarks>
public sealed class WholeSpecClientFixture : IDisposable
{
    public const string Namespace = "Consumer.Stripe";

    private readonly Lazy<Loaded> _loaded = new(Load);

    /// <summary>Why the client cannot be built here, or null.</summary>
    public string? SkipReason =>
        File.Exists(StripeMockFixture.SpecPath) ? null : $"stripe-mock's spec is not at {StripeMockFixture.SpecPath}; this test runs where the shared folder is present (CI).";

    internal SpecModel Model => _loaded.Value.Model;

    internal Assembly Assembly => _loaded.Value.Assembly;

    /// <summary>The generator's diagnostics of the run, as a build would report them.</summary>
    internal ImmutableArray<Diagnostic> Diagnostics => _loaded.Value.Diagnostics;

    /// <summary>What the generator skipped with ALG0004, operation by operation.</summary>
    internal GeneratorSkips Skips => _loaded.Value.Skips;

    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Context.Unload();
        }
    }

    private static Loaded Load()
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", Namespace);
        string specText = File.ReadAllText(StripeMockFixture.SpecPath);
        harness.AdditionalFiles.Add((StripeMockFixture.SpecPath, specText));
        GeneratorRun run = harness.Run();
        if (run.GeneratorException is { } exception)
        {
            throw new InvalidOperationException("The generator failed on the whole spec.", exception);
        }

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = run.Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The whole-spec client does not compile: " + string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }

        // The model step's output is the parsed spec, exactly as the emitters saw it.
        SpecModel model = run.Result.Results.Single().TrackedSteps[TrackingNames.Model]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .OfType<SpecModel>()
            .Single();

        using var spec = new SpecSchemas(StripeMockFixture.SpecPath);
        GeneratorSkips skips = GeneratorSkips.From(model, StripeMockFixture.SpecPath, specText, spec.Operations.Select(o => (o.OperationId, o.HttpMethod, o.Path)));

        var context = new AssemblyLoadContext(nameof(WholeSpecClientFixture), isCollectible: true);
        image.Position = 0;
        return new Loaded(model, context.LoadFromStream(image), context, run.GeneratorDiagnostics, skips);
    }

    private sealed record Loaded(SpecModel Model, Assembly Assembly, AssemblyLoadContext Context, ImmutableArray<Diagnostic> Diagnostics, GeneratorSkips Skips);
}
