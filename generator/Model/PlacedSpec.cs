using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>A spec model with its placement: what that spec's source output and diagnostics output start from.</summary>
/// <param name="Services">The accessor that hands out its services, named by the placement; null when it has none.</param>
internal sealed record PlacedSpec(SpecModel Spec, SpecPlacement Placement, ServiceAccessorModel? Services = null)
{
    /// <summary>
    /// The spec without its diagnostics, for the source output: their own output reports them, so a diagnostic
    /// that only moved (a line added above a warning) re-reports and re-emits no source.
    /// </summary>
    public PlacedSpec WithoutDiagnostics() =>
        Spec.Diagnostics.Count == 0 ? this : this with { Spec = Spec with { Diagnostics = EquatableArray<DiagnosticInfo>.Empty } };
}
