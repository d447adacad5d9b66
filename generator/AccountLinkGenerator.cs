using System.Collections.Immutable;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Emitting;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Generator;

/// <summary>
/// Generates typed Stripe clients from OpenAPI specs passed as AdditionalFiles:
/// spec text → equatable <see cref="SpecModel"/> (parsed once per spec change) → C# sources.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AccountLinkGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => InputReader.ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        IncrementalValueProvider<CompilationFacts> facts = context.CompilationProvider
            .Select(static (compilation, _) => InputReader.ReadFacts(compilation))
            .WithTrackingName(TrackingNames.CompilationFacts);

        IncrementalValuesProvider<SpecInput> inputs = context.AdditionalTextsProvider
            .Where(static file => InputReader.IsCandidate(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => InputReader.ReadSpec(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken));

        // Overlays add paths and schemas to the spec they name (SpecOverlays); each spec carries its own.
        IncrementalValueProvider<ImmutableArray<SpecInput>> overlays = inputs
            .Where(static input => input.OverlayOf is not null)
            .Collect();
        IncrementalValuesProvider<SpecInput> specs = inputs
            .Where(static input => input.OverlayOf is null)
            .Combine(overlays)
            .Select(static (pair, _) => SpecOverlays.Attach(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.SpecInput);

        IncrementalValuesProvider<SpecModel?> models = specs
            .Combine(options)
            .Select(static (pair, cancellationToken) => SpecParser.Parse(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Model);

        // Hint names and type-name clashes need every spec at once; each spec's own output still depends only on
        // its model and its placement, so one spec's change does not re-emit the others.
        IncrementalValueProvider<EquatableArray<SpecPlacement>> placements = models
            .Select(static (model, _) => model is null ? null : SpecPlacements.Summarize(model))
            .Collect()
            .Select(static (summaries, _) => SpecPlacements.Plan(summaries))
            .WithTrackingName(TrackingNames.Placements);

        IncrementalValuesProvider<PlacedSpec> placed = models
            .Where(static model => model is not null)
            .Combine(placements)
            .Select(static (pair, _) => SpecPlacements.Place(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.PlacedSpec);

        // Sources and diagnostics are separate outputs (as in System.Text.Json's generator): the emitters only
        // print, and a diagnostic that changes alone (a warning a line further down) re-emits no source.
        IncrementalValuesProvider<PlacedSpec> sources = placed
            .Select(static (spec, _) => spec.WithoutDiagnostics())
            .WithTrackingName(TrackingNames.SpecSources);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> specDiagnostics = placed
            .Combine(facts)
            .Select(static (pair, _) => GeneratorDiagnostics.ForSpec(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.SpecDiagnostics);

        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> projectDiagnostics = options
            .Combine(facts)
            .Select(static (pair, _) => GeneratorDiagnostics.ForProject(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ProjectDiagnostics);

        context.RegisterSourceOutput(sources.Combine(facts), static (context, pair) => SpecEmitter.Emit(context, pair.Left, pair.Right));
        context.RegisterSourceOutput(specDiagnostics, static (context, diagnostics) => GeneratorDiagnostics.Report(context, diagnostics));
        context.RegisterSourceOutput(projectDiagnostics, static (context, diagnostics) => GeneratorDiagnostics.Report(context, diagnostics));
        context.RegisterSourceOutput(
            overlays.Combine(specs.Select(static (spec, _) => spec.Path).Collect()),
            static (context, pair) => GeneratorDiagnostics.Report(context, SpecOverlays.Unmatched(pair.Left, pair.Right)));
        context.RegisterSourceOutput(options.Combine(facts), static (context, pair) =>
        {
            if (CompatibilityEmitter.Applies(pair.Left, pair.Right))
            {
                context.AddSource(CompatibilityEmitter.HintName, CompatibilityEmitter.Emit());
            }
        });
        context.RegisterSourceOutput(facts, static (context, facts) =>
        {
            if (facts.CanCompileGeneratedCode && facts.MissingPolyfills.Count > 0)
            {
                context.AddSource(PolyfillEmitter.HintName, PolyfillEmitter.Emit(facts.MissingPolyfills));
            }
        });
    }
}
