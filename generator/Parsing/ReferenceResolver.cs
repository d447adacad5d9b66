using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Follows <c>$ref</c>s the reader left unresolved, and says where one points nowhere (ALG0003) or leads back to
/// itself (ALG0016), at each <c>$ref</c> that does, once per place. A target reported there counts as reported: what
/// uses it is skipped without a second diagnostic.
/// </summary>
internal sealed class ReferenceResolver
{
    private const string SchemasPrefix = "#/components/schemas/";

    private readonly IDictionary<string, OpenApiSchema>? _components;
    private readonly SpecLocator _locator;
    private readonly ParseDiagnostics _diagnostics;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <param name="components">The document's component schemas by name, to follow a chain of <c>$ref</c>s.</param>
    public ReferenceResolver(IDictionary<string, OpenApiSchema>? components, SpecLocator locator, ParseDiagnostics diagnostics)
    {
        _components = components;
        _locator = locator;
        _diagnostics = diagnostics;
    }

    public bool HasUnresolvedReferences => _reported.Count > 0;

    /// <summary>
    /// Reports the reader's unresolved reference <paramref name="id"/> at every <c>$ref</c> whose target ends in
    /// that name. The reader drops the schema and says only its name; the text says where.
    /// </summary>
    public void ReportUnresolved(string id)
    {
        bool found = false;
        foreach (ReferenceSite reference in _locator.References.Where(r => EndsInName(r.Target, id)))
        {
            found = true;
            Report(DiagnosticDescriptors.UnresolvedReference, reference.Target, reference.Location, "$ref", reference.Target, "the schema that uses it");
        }

        if (!found)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, SchemasPrefix + id, _locator.FileStart(), "$ref", SchemasPrefix + id, "the schema that uses it");
        }
    }

    /// <summary>
    /// Reports, at each <c>$ref</c> to it, every component schema whose chain of <c>$ref</c>s never reaches a
    /// schema because it loops (<c>a: {$ref: b}</c>, <c>b: {$ref: a}</c>). The reader reports no error for those and
    /// leaves them unresolved, which the walk would take for a schema that is not defined.
    /// </summary>
    public void ReportCycles()
    {
        // A loop leaves component schemas unresolved after the read; a well-formed spec has none and pays nothing more.
        if (_components is null || !_components.Values.Any(s => s is { UnresolvedReference: true, Reference.IsExternal: false }))
        {
            return;
        }

        // Resolving replaced each component by what its $ref pointed at: the text has the $refs as written.
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in _components.Keys)
        {
            string owner = SchemasPrefix + JsonPointer.Escape(name);
            if (_locator.References.FirstOrDefault(r => r.Owner == owner) is { } reference && ComponentSchemaName(reference.Target) is { } target)
            {
                next[name] = target;
            }
        }

        foreach (string name in next.Keys.Where(name => Loops(name, next)).OrderBy(name => name, StringComparer.Ordinal))
        {
            string target = SchemasPrefix + name;
            bool found = false;
            foreach (ReferenceSite reference in _locator.References.Where(r => r.Target == target))
            {
                found = true;
                Report(DiagnosticDescriptors.ReferenceCycle, target, reference.Location, target, "the schema that uses it");
            }

            if (!found)
            {
                _reported.Add(target);
                _diagnostics.Report(DiagnosticDescriptors.ReferenceCycle, target, target, "the schema that uses it");
            }
        }
    }

    /// <summary>
    /// The schema at the end of a chain of <c>$ref</c>s (a component that is only a <c>$ref</c> to another one),
    /// which the reader leaves unresolved; the schema itself when it is no such chain. Reports nothing.
    /// </summary>
    public OpenApiSchema Follow(OpenApiSchema schema)
    {
        OpenApiSchema current = schema;
        for (int step = 0; current.UnresolvedReference && step < StripeConventions.MaxDepth; step++)
        {
            if (current.Reference is not { IsExternal: false, Id: { Length: > 0 } id }
                || _components is null
                || !_components.TryGetValue(id, out OpenApiSchema? target)
                || target is null
                || ReferenceEquals(target, current))
            {
                break;
            }

            current = target;
        }

        return current;
    }

    /// <summary>
    /// The schema to read, following a chain of <c>$ref</c>s: null, with ALG0004 for a missing schema or ALG0003 for
    /// an unresolved <c>$ref</c> (once per target), when there is none and <paramref name="skipped"/> is skipped.
    /// </summary>
    public OpenApiSchema? Resolve(OpenApiSchema? schema, string pointer, string owner, string skipped)
    {
        if (schema is null)
        {
            // The reader drops a schema that is a $ref it could not resolve: ALG0003 or ALG0016 says so at the $ref.
            if (!(HasUnresolvedReferences && _locator.IsReference(pointer)))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "an empty schema", skipped);
            }

            return null;
        }

        OpenApiSchema resolved = Follow(schema);
        if (!resolved.UnresolvedReference)
        {
            return resolved;
        }

        string? target = resolved.Reference?.ReferenceV3 ?? schema.Reference?.ReferenceV3;
        if (!IsReported(target) && !IsReported(schema.Reference?.ReferenceV3))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnresolvedReference, pointer, owner, target ?? "?", skipped);
        }

        return null;
    }

    private bool IsReported(string? target) => target is not null && _reported.Contains(target);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string target, LocationInfo location, params string[] arguments)
    {
        _reported.Add(target);
        _diagnostics.Report(descriptor, location, arguments);
    }

    /// <summary>
    /// Whether a <c>$ref</c>'s target is a local pointer whose last segment is the whole <paramref name="name"/>
    /// (<c>#/components/schemas/missing</c> for <c>missing</c>, not <c>…/notmissing</c>).
    /// </summary>
    private static bool EndsInName(string target, string name) =>
        target.Length >= name.Length + 3
        && target.StartsWith("#/", StringComparison.Ordinal)
        && target.EndsWith("/" + name, StringComparison.Ordinal)
        && target.IndexOfAny(QuotesAndSpaces, 2, target.Length - name.Length - 3) < 0;

    private static readonly char[] QuotesAndSpaces = { '"', '\'', ' ', '\t', '\r', '\n' };

    /// <summary>The component schema a <c>$ref</c> names as the reader reads it (<c>#/components/schemas/{name}</c>), else null.</summary>
    private static string? ComponentSchemaName(string target)
    {
        string[] segments = target.Split('/');
        return segments.Length == 4 && segments[0] == "#" && segments[1] == "components" && segments[2] == "schemas" ? segments[3] : null;
    }

    /// <summary>Whether following the $refs from <paramref name="name"/> comes back to a schema already passed.</summary>
    private static bool Loops(string name, Dictionary<string, string> next)
    {
        var passed = new HashSet<string>(StringComparer.Ordinal);
        string current = name;
        while (next.TryGetValue(current, out string? target))
        {
            if (!passed.Add(current))
            {
                return true;
            }

            current = target;
        }

        return false;
    }
}
