using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>
/// A diagnostic as data: the descriptor's ID, where in the spec it points, and the message arguments. It becomes a
/// Roslyn <c>Diagnostic</c> only when reported, so the model stays comparable.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);

/// <summary>An equatable stand-in for a location in a spec file.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);
