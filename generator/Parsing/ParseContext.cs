using System.Collections.Generic;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>What the parser collects while it walks one spec: generated types by name, and diagnostics.</summary>
internal sealed class ParseContext
{
    // One namespace for every generated type, whatever its kind: a name maps to the model that owns it.
    private readonly Dictionary<string, object> _typesByName = new(System.StringComparer.Ordinal);

    public ParseContext(SpecLocator locator) => Locator = locator;

    public SpecLocator Locator { get; }

    public List<OptionsClassModel> OptionsClasses { get; } = new();

    public List<EnumModel> Enums { get; } = new();

    public List<ResponseModel> Responses { get; } = new();

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    // Response models being read: a schema that reaches itself (a customer's default source's customer) gets its
    // name and is read once.
    private readonly HashSet<string> _responsesInProgress = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The names the spec's component schemas give their response models, whichever operations are kept: a
    /// request type whose natural name is among them takes its verb-qualified name, so that a name never depends on
    /// which operations a filter keeps (or on the order they are read in).
    /// </summary>
    public HashSet<string> ResponseNames { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Response fields read as ID strings because they are expandable or polymorphic.</summary>
    public List<string> SimplifiedResponseFields { get; } = new();

    private readonly HashSet<string> _unresolvedReferences = new(System.StringComparer.Ordinal);

    public bool HasUnresolvedReferences => _unresolvedReferences.Count > 0;

    /// <summary>Reports a <c>$ref</c> that points nowhere, once per place.</summary>
    public void ReportUnresolved(string target, LocationInfo location)
    {
        _unresolvedReferences.Add(target);
        Report(DiagnosticDescriptors.UnresolvedReference, location, "$ref", target, "the schema that uses it");
    }

    /// <summary>
    /// Reports a <c>$ref</c> whose chain of <c>$ref</c>s loops, once per place. The reader leaves such a schema
    /// unresolved, so the walk skips what uses it; the target counts as reported, so the walk adds no ALG0003.
    /// </summary>
    public void ReportCycle(string target, LocationInfo location)
    {
        _unresolvedReferences.Add(target);
        Report(DiagnosticDescriptors.ReferenceCycle, location, target, "the schema that uses it");
    }

    public bool IsReportedUnresolved(string? target) => target is not null && _unresolvedReferences.Contains(target);

    /// <summary>The document's component schemas by name, to follow a chain of <c>$ref</c>s the reader leaves unresolved.</summary>
    public IDictionary<string, OpenApiSchema>? Components { get; set; }

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
                || Components is null
                || !Components.TryGetValue(id, out OpenApiSchema? target)
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
            if (!(HasUnresolvedReferences && IsReference(pointer)))
            {
                Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "an empty schema", skipped);
            }

            return null;
        }

        OpenApiSchema resolved = Follow(schema);
        if (!resolved.UnresolvedReference)
        {
            return resolved;
        }

        string? target = resolved.Reference?.ReferenceV3 ?? schema.Reference?.ReferenceV3;
        if (!IsReportedUnresolved(target) && !IsReportedUnresolved(schema.Reference?.ReferenceV3))
        {
            Report(DiagnosticDescriptors.UnresolvedReference, pointer, owner, target ?? "?", skipped);
        }

        return null;
    }

    private bool IsReference(string pointer) => !Locator.Locate(pointer + "/$ref").Equals(Locator.Locate(pointer));

    /// <summary>Where each <c>x-accountLinkGen-replacedBy</c> was read, by the parameter's wire name and its value: the place an ALG0015 points at.</summary>
    public Dictionary<(string WireName, string ReplacedBy), string> ReplacementPointers { get; } = new();

    public void NoteReplacement(string wireName, string replacedBy, string pointer)
    {
        if (!ReplacementPointers.ContainsKey((wireName, replacedBy)))
        {
            ReplacementPointers.Add((wireName, replacedBy), pointer);
        }
    }

    public void Report(DiagnosticDescriptor descriptor, string? pointer, params string[] arguments) =>
        Diagnostics.Add(new DiagnosticInfo(descriptor, Locator.Locate(pointer), arguments.ToEquatableArray()));

    public void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        Diagnostics.Add(new DiagnosticInfo(descriptor, location, arguments.ToEquatableArray()));

    /// <summary>Adds an enum, or reuses an equal one of the same name; false when another type has the name.</summary>
    public bool TryAddEnum(EnumModel model) => TryAdd(Enums, model.Name, model);

    /// <summary>Adds an options class, or reuses an equal one; false when another type has the name.</summary>
    public bool TryAddOptions(OptionsClassModel model) => TryAdd(OptionsClasses, model.Name, model);

    public bool HasResponse(string name) => _typesByName.TryGetValue(name, out object? model) && model is ResponseModel;

    /// <summary>
    /// Whether the response model <paramref name="name"/> is still to be read: false when it is registered or being
    /// read already; true marks it as being read until <see cref="EndResponse"/>.
    /// </summary>
    public bool BeginResponse(string name) => !HasResponse(name) && _responsesInProgress.Add(name);

    public void EndResponse(string name) => _responsesInProgress.Remove(name);

    /// <summary>Adds a response model; false when another type has the name.</summary>
    public bool TryAddResponse(ResponseModel model) => TryAdd(Responses, model.Name, model);

    private bool TryAdd<T>(List<T> list, string name, T model)
        where T : class
    {
        if (_typesByName.TryGetValue(name, out object? existing))
        {
            return existing.Equals(model);
        }

        _typesByName.Add(name, model);
        list.Add(model);
        return true;
    }
}
