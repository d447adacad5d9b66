using System;
using System.Collections.Generic;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// The members of one options class being read: gives each parameter its final C# name and the names of the
/// members beside it (<c>Clear…</c>, <c>…Id</c>/<c>…Exact</c>, a file's <c>…Name</c> and <c>…ContentType</c>), and refuses (ALG0005) a parameter whose names
/// another member already has.
/// </summary>
internal sealed class MemberNames
{
    private readonly string _className;
    private readonly string? _fallbackName;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <param name="className">The class's name.</param>
    /// <param name="fallbackName">The verb-qualified name the class takes if another type has its own.</param>
    public MemberNames(string className, string? fallbackName)
    {
        _className = className;
        _fallbackName = fallbackName;
    }

    /// <summary>The property with its names decided, or null (and ALG0005 at <paramref name="pointer"/>) when a name is taken.</summary>
    public PropertyModel? TryPlace(PropertyModel property, ParseDiagnostics diagnostics, string pointer, string otherKind, string what)
    {
        // A member may not share its class's name (CS0542), whichever name the class ends up with.
        string name = Naming.Member(Naming.Member(property.Name, _className, Naming.OptionsMembers), _fallbackName ?? _className, Naming.OptionsMembers);
        if (!_used.Add(name))
        {
            diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, _className + "." + name, otherKind, what);
            return null;
        }

        string? clear = property.Type.Emptyable ? Naming.ClearSwitch(name) : null;
        if (clear is not null && !_used.Add(clear))
        {
            diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, _className + "." + clear, otherKind, "the switch that clears " + what);
            return null;
        }

        string? alternative = property.Type.OrId ? Naming.AlternativeMember(name, property.Type.IdKind == TypeKind.String) : null;
        if (alternative is not null && !_used.Add(alternative))
        {
            diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, _className + "." + alternative, otherKind, "the value that can stand for " + what);
            return null;
        }

        string? fileName = property.Type.Kind == TypeKind.Binary ? Naming.FileNameMember(name) : null;
        string? contentType = property.Type.Kind == TypeKind.Binary ? Naming.ContentTypeMember(name) : null;
        if ((fileName is not null && !_used.Add(fileName)) || (contentType is not null && !_used.Add(contentType)))
        {
            diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, _className + "." + fileName + "/" + contentType, otherKind, "the file name or content type of " + what);
            return null;
        }

        // An object-or-ID parameter is required as either; Validate() checks that one of the two is set.
        bool requiredMember = property.Required && !property.Type.OrId;
        return property with { Name = name, ClearName = clear, AlternativeName = alternative, RequiredMember = requiredMember, FileNameMember = fileName, ContentTypeMember = contentType };
    }
}
