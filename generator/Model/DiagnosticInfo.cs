using AccountLinkGen.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Generator.Model;

/// <summary>
/// A diagnostic as data: its descriptor (immutable and compared by value), where in the spec it points, and the
/// message arguments. It becomes a Roslyn <c>Diagnostic</c> only when reported, so the model stays comparable.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public string Id => Descriptor.Id;
}

/// <summary>An equatable stand-in for a location in a spec file.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);
