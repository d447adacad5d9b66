using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>A response object read from JSON.</summary>
/// <param name="Description">
/// Its component schema's own description, never the description of a field that holds it (a union of a customer
/// and a deleted customer serves dozens of fields); null when it has none, and the emitter writes a summary of its own.
/// </param>
/// <param name="Variants">
/// For a union of objects (a customer or a deleted customer), its objects; the model then has no properties of
/// its own and reading it fills the one variant that came back. Empty for an ordinary object.
/// </param>
internal sealed record ResponseModel(string Name, string? Description, EquatableArray<ResponsePropertyModel> Properties, EquatableArray<ResponseVariantModel> Variants = default);

/// <summary>One field of a response object.</summary>
/// <param name="ExpandedName">For an expandable field, the property that holds the expanded object.</param>
/// <param name="Lenient">
/// For a required field, that an answer without it is read rather than refused (Stripe.net's shape, in its
/// compatibility mode): a number, boolean or time keeps its non-nullable type and reads as its default, anything else
/// is nullable and reads as null.
/// </param>
internal sealed record ResponsePropertyModel(
    string WireName,
    string Name,
    TypeRef Type,
    bool Required,
    string? Description,
    string? ExpandedName = null,
    bool Lenient = false);

/// <summary>One object of a union response, told apart from the others by its <c>object</c> and <c>deleted</c> fields.</summary>
/// <param name="TypeName">The object's response model.</param>
/// <param name="PropertyName">The wrapper's property that holds it.</param>
/// <param name="ObjectValue">The value of its <c>object</c> field.</param>
/// <param name="Deleted">Whether it is the deleted form (<c>deleted: true</c>) of that object.</param>
internal sealed record ResponseVariantModel(string TypeName, string PropertyName, string ObjectValue, bool Deleted);
