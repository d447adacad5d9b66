using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>A response object read from JSON.</summary>
internal sealed record ResponseModel(string Name, string? Description, EquatableArray<ResponsePropertyModel> Properties);

/// <summary>One field of a response object.</summary>
/// <param name="ExpandedName">For an expandable field, the property that holds the expanded object.</param>
internal sealed record ResponsePropertyModel(string WireName, string Name, TypeRef Type, bool Required, string? Description, string? ExpandedName = null);
