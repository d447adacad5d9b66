using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>A string enum. <paramref name="Open"/> enums (<c>x-stripeBypassValidation</c>) accept values the spec does not list.</summary>
internal sealed record EnumModel(string Name, string? Description, bool Open, EquatableArray<EnumMemberModel> Members);

/// <summary>One enum value: its wire name and C# name.</summary>
internal sealed record EnumMemberModel(string WireName, string Name);
