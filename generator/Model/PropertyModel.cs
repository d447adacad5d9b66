namespace AccountLinkGen.Generator.Model;

/// <summary>One parameter of an options class.</summary>
/// <param name="WireName">The name on the wire, e.g. <c>refresh_url</c>.</param>
/// <param name="Name">The C# property name, e.g. <c>RefreshUrl</c>.</param>
/// <param name="Deprecation">The spec's own words when the parameter is deprecated, else null.</param>
/// <param name="ReplacedBy">The dotted wire path of the parameter that replaces a deprecated one.</param>
internal sealed record PropertyModel(
    string WireName,
    string Name,
    TypeRef Type,
    bool Required,
    string? Description,
    string? Deprecation,
    string? ReplacedBy);
