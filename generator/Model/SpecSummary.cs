using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>What the placement of a spec depends on: its path, its namespace, the top-level types it generates and whether it has services.</summary>
internal sealed record SpecSummary(string FilePath, string Namespace, EquatableArray<string> TypeNames, bool HasServices);
