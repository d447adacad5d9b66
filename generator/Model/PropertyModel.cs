using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>One parameter of an options class, with every name and flag the emitters print.</summary>
/// <param name="WireName">The name on the wire, e.g. <c>refresh_url</c>.</param>
/// <param name="Name">The C# property name, e.g. <c>RefreshUrl</c>.</param>
/// <param name="Required">Whether the spec requires the parameter (Validate() checks it).</param>
/// <param name="Deprecation">The spec's own words when the parameter is deprecated, else null.</param>
/// <param name="ReplacedBy">The dotted wire path of the parameter that replaces a deprecated one.</param>
/// <param name="RequiredMember">
/// Whether the property is a C# <c>required</c> member: a required parameter, unless it can also be sent as its
/// <paramref name="AlternativeName"/> (then Validate() checks that one of the two is set).
/// </param>
/// <param name="AlternativeName">
/// For an object-or-scalar parameter (<see cref="TypeRef.OrId"/>), the member beside it that sends the scalar:
/// <c>ProductId</c>, <c>CreatedExact</c>.
/// </param>
/// <param name="ClearName">For an emptyable non-string parameter, the switch that sends <c>key=</c>: <c>ClearMetadata</c>.</param>
/// <param name="FileNameMember">For a file (<see cref="TypeKind.Binary"/>), the member beside it with its part's file name: <c>FileName</c>.</param>
/// <param name="ContentTypeMember">For a file, the member beside it with its part's content type: <c>FileContentType</c>.</param>
/// <param name="Replacement">
/// <paramref name="ReplacedBy"/> as C# property names (<c>CollectionOptions.Fields</c>), resolved against the
/// options classes; null when there is none or it names no parameter (ALG0015).
/// </param>
/// <param name="NestedRequired">
/// For a parameter whose options class is one Stripe.net shares by hand (<c>AddressOptions</c>, in its
/// compatibility mode), the members the spec requires at this parameter, which the shared class cannot require
/// itself: the parent's <c>Validate()</c> checks them.
/// </param>
internal sealed record PropertyModel(
    string WireName,
    string Name,
    TypeRef Type,
    bool Required,
    string? Description,
    string? Deprecation,
    string? ReplacedBy,
    bool RequiredMember = false,
    string? AlternativeName = null,
    string? ClearName = null,
    string? Replacement = null,
    string? FileNameMember = null,
    string? ContentTypeMember = null,
    EquatableArray<NestedMember> NestedRequired = default);

/// <summary>A member of a nested options class: its wire name and its C# name.</summary>
internal sealed record NestedMember(string WireName, string Name);
