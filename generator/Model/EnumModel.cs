using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>A string enum. <paramref name="Open"/> enums (<c>x-stripeBypassValidation</c>) accept values the spec does not list.</summary>
/// <param name="Description">
/// The enum's own description: its component schema's, never the description of a field that holds it (one enum
/// may serve many fields); null when it has none, and the emitter writes a summary of its own.
/// </param>
internal sealed record EnumModel(string Name, string? Description, bool Open, EquatableArray<EnumMemberModel> Members);

/// <summary>One enum value: its wire name and C# name.</summary>
internal sealed record EnumMemberModel(string WireName, string Name);
