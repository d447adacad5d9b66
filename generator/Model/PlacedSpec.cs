using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>A spec model with its placement: what that spec's source output and diagnostics output start from.</summary>
/// <param name="Services">The accessor that hands out its services, named by the placement; null when it has none.</param>
internal sealed record PlacedSpec(SpecModel Spec, SpecPlacement Placement, ServiceAccessorModel? Services = null)
{
    /// <summary>
    /// The one rule for whether a spec's sources are emitted: not when its types clash with another spec's (one
    /// ALG0014 says so instead of a wall of CS0101), nor when the compilation cannot compile them (ALG0008).
    /// </summary>
    public bool IsEmitted(CompilationFacts facts) => Placement.Conflict is null && facts.CanCompileGeneratedCode;

    /// <summary>
    /// The spec without its diagnostics, for the source output: their own output reports them, so a diagnostic
    /// that only moved (a line added above a warning) re-reports and re-emits no source.
    /// </summary>
    public PlacedSpec WithoutDiagnostics() =>
        Spec.Diagnostics.Count == 0 ? this : this with { Spec = Spec with { Diagnostics = EquatableArray<DiagnosticInfo>.Empty } };
}
