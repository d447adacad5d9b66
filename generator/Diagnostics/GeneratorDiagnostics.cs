using System.Collections.Generic;
using System.Globalization;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Generator.Diagnostics;

/// <summary>
/// Which diagnostics each output reports, decided as data from the model and the compilation facts. Sources and
/// diagnostics are separate outputs, as in System.Text.Json's generator: the emitters only print, and a diagnostic
/// that changes alone re-reports without re-emitting a source.
/// </summary>
internal static class GeneratorDiagnostics
{
    /// <summary>A spec's diagnostics: what parsing and placing it found, and whether its services can run.</summary>
    public static EquatableArray<DiagnosticInfo> ForSpec(PlacedSpec placed, CompilationFacts facts)
    {
        var diagnostics = new List<DiagnosticInfo>(placed.Spec.Diagnostics);
        if (placed.Placement.Conflict is { } conflict)
        {
            // Its sources are not generated (they would only add a wall of CS0101): this one error says why.
            diagnostics.Add(conflict);
        }
        else if (placed.IsEmitted(facts) && !facts.HasRuntime && placed.Spec.Operations.Count > 0)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.RuntimeNotReferenced, null, new[] { System.IO.Path.GetFileName(placed.Spec.FilePath) }.ToEquatableArray()));
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>The project's diagnostics: invalid MSBuild options, missing spec files, a C# version too old.</summary>
    public static EquatableArray<DiagnosticInfo> ForProject(GeneratorOptions options, CompilationFacts facts)
    {
        if (facts.CanCompileGeneratedCode)
        {
            return options.Diagnostics;
        }

        var diagnostics = new List<DiagnosticInfo>(options.Diagnostics)
        {
            new(DiagnosticDescriptors.LanguageVersionTooOld, null, new[] { LanguageVersionText(facts.LanguageVersion) }.ToEquatableArray()),
        };
        return diagnostics.ToEquatableArray();
    }

    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            context.ReportDiagnostic(DiagnosticFactory.Create(diagnostic));
        }
    }

    private static string LanguageVersionText(int version) =>
        version % 100 == 0 ? (version / 100).ToString(CultureInfo.InvariantCulture) : (version / 100) + "." + (version % 100);
}
