using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Emitting;
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

        IncrementalValuesProvider<SpecInput> specs = context.AdditionalTextsProvider
            .Where(static file => InputReader.IsCandidate(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => InputReader.ReadSpec(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .WithTrackingName(TrackingNames.SpecInput);

        IncrementalValuesProvider<SpecModel?> models = specs
            .Combine(options)
            .Select(static (pair, cancellationToken) => SpecParser.Parse(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Model);

        context.RegisterSourceOutput(models.Combine(facts), static (context, pair) =>
        {
            if (pair.Left is { } spec)
            {
                SpecEmitter.Emit(context, spec, pair.Right);
            }
        });

        context.RegisterSourceOutput(options.Combine(facts), static (context, pair) =>
        {
            foreach (DiagnosticInfo diagnostic in pair.Left.Diagnostics)
            {
                context.ReportDiagnostic(DiagnosticFactory.Create(diagnostic));
            }

            if (pair.Right.LanguageVersion < CompilationFacts.MinimumLanguageVersion)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooOld, Location.None, LanguageVersionText(pair.Right.LanguageVersion)));
            }
            else if (pair.Right.MissingPolyfills.Count > 0)
            {
                context.AddSource(PolyfillEmitter.HintName, PolyfillEmitter.Emit(pair.Right.MissingPolyfills));
            }
        });
    }

    private static string LanguageVersionText(int version) =>
        version % 100 == 0 ? (version / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : (version / 100) + "." + (version % 100);
}
