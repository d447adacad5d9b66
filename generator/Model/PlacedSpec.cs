namespace AccountLinkGen.Generator.Model;

/// <summary>A spec model with its placement: the input of that spec's source output.</summary>
internal sealed record PlacedSpec(SpecModel Spec, SpecPlacement Placement);
