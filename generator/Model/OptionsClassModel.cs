using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>A generated options class: the operation's form body or one of its nested objects.</summary>
/// <param name="Description">
/// For a form body, the operation's description; for a nested object, its component schema's own, never the
/// description of a parameter that holds it. Null when there is none, and the emitter writes a summary of its own.
/// </param>
/// <param name="MutuallyExclusive">Pairs of wire names that Stripe accepts only one of.</param>
/// <param name="HasDeprecatedMembers">
/// Whether a property is <c>[Obsolete]</c>: then the class's own encoder and validator, which still read it, are
/// compiled with CS0618 disabled, and only then.
/// </param>
internal sealed record OptionsClassModel(
    string Name,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<ExclusivePair> MutuallyExclusive,
    bool HasDeprecatedMembers = false);

/// <summary>Two parameters (wire names) of one class that must not both be set.</summary>
internal sealed record ExclusivePair(string First, string Second);
