using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>The options class built for an operation, and whether it has required members.</summary>
internal sealed record OptionsBuild(string Name, bool HasRequired);

/// <summary>
/// The operation a request type is read for: its types are named after the resource
/// (<c>AccountLinkCollectionOptions</c>), or after resource and verb where a response model or another operation
/// already has the natural name (<c>CustomerUpdateAddressOptions</c>).
/// </summary>
internal sealed record RequestScope(string Resource, string Verb);

/// <summary>
/// Where the request reader is: the operation, the parameter path from the body down (<c>collection_options</c>,
/// <c>fields</c>), the node's JSON pointer and the description that applies to it.
/// </summary>
internal sealed record RequestSite(RequestScope Scope, string[] Path, string Pointer, string? Description)
{
    /// <summary>The dotted parameter path, as diagnostics name the parameter.</summary>
    public string Owner => string.Join(".", Path);

    public RequestSite At(string pointer) => this with { Pointer = pointer };
}

/// <summary>The name a generated type takes, and the verb-qualified one it falls back to when another type has it.</summary>
internal sealed record TypeName(string Name, string? Fallback);

/// <summary>A parameter or property as the spec declares it, and its JSON pointer.</summary>
internal sealed record DeclaredParameter(string WireName, OpenApiSchema? Schema, bool Required, string? Description, bool Deprecated, string Pointer);

/// <summary>
/// Reads an operation's parameters (form body or query) into options classes and enums, deciding every member's
/// name and flags by <see cref="StripeConventions"/>. A shape it cannot express becomes an ALG0004 and that
/// parameter (or the operation) is skipped.
/// </summary>
internal sealed partial class RequestReader
{
    private readonly GeneratedTypes _types;
    private readonly ReferenceResolver _references;
    private readonly ParseDiagnostics _diagnostics;
    private readonly EnumReader _enums;
    private readonly Dictionary<(string WireName, string ReplacedBy), string> _replacementPointers = new();

    // The object schemas being read, by reference: a $ref cycle in a request body is reported, not recursed into.
    private readonly HashSet<OpenApiSchema> _objectsInProgress = new(ReferenceComparer<OpenApiSchema>.Instance);

    private readonly bool _stripeNetFormats;

    public RequestReader(GeneratedTypes types, ReferenceResolver references, ParseDiagnostics diagnostics, bool stripeNetFormats)
    {
        _stripeNetFormats = stripeNetFormats;
        _types = types;
        _references = references;
        _diagnostics = diagnostics;
        _enums = new EnumReader(types, diagnostics);
    }

    /// <summary>Where each <c>x-accountLinkGen-replacedBy</c> was read, by the parameter's wire name and its value: the place an ALG0015 points at.</summary>
    public IReadOnlyDictionary<(string WireName, string ReplacedBy), string> ReplacementPointers => _replacementPointers;

    /// <summary>Reads a form body into its options class.</summary>
    public OptionsBuild? ReadForm(string name, RequestScope scope, OpenApiSchema body, string pointer, string? description)
    {
        if (_references.Resolve(body, pointer, name, "the operation") is not { } schema)
        {
            return null;
        }

        if (schema.Type is not null and not "object")
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, name, "a form body of type '" + schema.Type + "'", "the operation");
            return null;
        }

        string? built = ReadObject(new TypeName(name, null), new RequestSite(scope, Array.Empty<string>(), pointer, description), schema);
        return built is null ? null : new OptionsBuild(built, schema.Required.Count > 0);
    }

    /// <summary>Reads query parameters into one options class, sent as the query string.</summary>
    public OptionsBuild? ReadQuery(string name, RequestScope scope, List<OpenApiParameter> parameters, string pointer, string? description)
    {
        var members = new MemberNames(name, null);
        var properties = new List<PropertyModel>();
        for (int i = 0; i < parameters.Count; i++)
        {
            OpenApiParameter parameter = parameters[i];
            string propertyPointer = pointer + "/" + Naming.Invariant(i) + "/schema";
            if (parameter.Schema is null)
            {
                continue;
            }

            var declared = new DeclaredParameter(parameter.Name, parameter.Schema, parameter.Required, parameter.Description, parameter.Deprecated, propertyPointer);
            foreach (PropertyModel property in ReadProperty(scope, Array.Empty<string>(), declared))
            {
                if (members.TryPlace(property, _diagnostics, propertyPointer, "another parameter", "'" + parameter.Name + "'") is { } placed)
                {
                    properties.Add(placed);
                }
            }
        }

        OptionsClassModel model = Build(name, description, properties, EquatableArray<ExclusivePair>.Empty);
        return AddOptions(model, null, pointer) is { } added ? new OptionsBuild(added, properties.Any(p => p.Required)) : null;
    }

    /// <summary>Reads an object schema into an options class; returns its name, or null when it was skipped.</summary>
    private string? ReadObject(TypeName name, RequestSite site, OpenApiSchema schema)
    {
        string owner = site.Path.Length == 0 ? name.Name : site.Owner;
        if (site.Path.Length > StripeConventions.MaxDepth)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, site.Pointer, owner, "objects nested deeper than " + Naming.Invariant(StripeConventions.MaxDepth) + " levels", "the parameter");
            return null;
        }

        if (!_objectsInProgress.Add(schema))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, site.Pointer, owner, "a schema that contains itself, which a form body cannot encode", "the parameter");
            return null;
        }

        try
        {
            return ReadObjectProperties(name, site, schema);
        }
        finally
        {
            _objectsInProgress.Remove(schema);
        }
    }

    private string? ReadObjectProperties(TypeName name, RequestSite site, OpenApiSchema schema)
    {
        var members = new MemberNames(name.Name, name.Fallback);
        var properties = new List<PropertyModel>();
        foreach (var property in schema.Properties)
        {
            string propertyPointer = site.Pointer + "/properties/" + JsonPointer.Escape(property.Key);
            var declared = new DeclaredParameter(property.Key, property.Value, schema.Required.Contains(property.Key), property.Value?.Description, property.Value?.Deprecated ?? false, propertyPointer);
            foreach (PropertyModel read in ReadProperty(site.Scope, site.Path, declared))
            {
                if (members.TryPlace(read, _diagnostics, propertyPointer, "another property", "'" + property.Key + "'") is { } placed)
                {
                    properties.Add(placed);
                }
            }
        }

        var exclusive = new List<ExclusivePair>();
        foreach (string[] group in StripeConventions.ExclusiveGroups(schema))
        {
            if (group.FirstOrDefault(p => !properties.Any(m => m.WireName == p)) is { } missing)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidExtension, site.Pointer + "/" + StripeConventions.MutuallyExclusive, StripeConventions.MutuallyExclusive, name.Name, missing, "the object does not have", "that group is not checked");
                continue;
            }

            for (int i = 0; i < group.Length; i++)
            {
                for (int j = i + 1; j < group.Length; j++)
                {
                    exclusive.Add(new ExclusivePair(group[i], group[j]));
                }
            }
        }

        OptionsClassModel model = Build(name.Name, site.Description ?? StripeConventions.OwnDescription(schema), properties, exclusive.ToEquatableArray());
        return AddOptions(model, name.Fallback, site.Pointer);
    }

    private static OptionsClassModel Build(string name, string? description, List<PropertyModel> properties, EquatableArray<ExclusivePair> exclusive) =>
        new(name, DocText.Normalize(description), properties.ToEquatableArray(), exclusive, properties.Any(p => p.Deprecation is not null));

    /// <summary>Registers the class under its name, else under the fallback name; null (and ALG0005) when both are taken.</summary>
    private string? AddOptions(OptionsClassModel model, string? fallbackName, string pointer)
    {
        if (_types.TryAddOptions(model))
        {
            return model.Name;
        }

        if (fallbackName is not null && _types.TryAddOptions(model with { Name = fallbackName }))
        {
            return fallbackName;
        }

        _diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, fallbackName ?? model.Name, "another generated type", "this parameter object");
        return null;
    }

    /// <summary>The parameter's member; for a union of objects, one member per alternative; none when it was skipped.</summary>
    private IEnumerable<PropertyModel> ReadProperty(RequestScope scope, string[] parentPath, DeclaredParameter declared)
    {
        string wireName = declared.WireName;
        string ownerName = parentPath.Length == 0 ? wireName : string.Join(".", parentPath) + "." + wireName;
        if (_references.Resolve(declared.Schema, declared.Pointer, ownerName, "the parameter") is not { } schema)
        {
            return Array.Empty<PropertyModel>();
        }

        var path = parentPath.Concat(new[] { wireName }).ToArray();
        if (schema.AllOf.Count == 0 && StripeConventions.ClassifyUnion(schema, _references.Follow) is { Kind: UnionKind.Objects } union)
        {
            return ReadAlternatives(new RequestSite(scope, path, declared.Pointer, Description: null), declared, schema, union);
        }

        // The field's description is the property's summary, never its type's: a type may be shared by many fields.
        TypeRef? type = ReadType(new RequestSite(scope, path, declared.Pointer, Description: null), schema);
        if (type is null)
        {
            return Array.Empty<PropertyModel>();
        }

        string? text = declared.Description ?? schema.Description;
        string? deprecation = StripeConventions.Deprecation(declared.Deprecated || schema.Deprecated, text);
        string? replacedBy = deprecation is null ? null : StripeConventions.ReplacedByPath(schema);
        if (replacedBy is not null && !_replacementPointers.ContainsKey((wireName, replacedBy)))
        {
            _replacementPointers.Add((wireName, replacedBy), declared.Pointer);
        }

        return new[] { new PropertyModel(wireName, Naming.Pascal(wireName), type, declared.Required, DocText.Normalize(text), deprecation, replacedBy) };
    }

    /// <summary>
    /// One member per object a parameter can be (<c>card</c>: <c>CardDetails</c> or <c>CardToken</c>), each sent
    /// under the parameter's wire name; the validator lets only one be set. A required one, which no member could
    /// stand for alone, is skipped.
    /// </summary>
    private IEnumerable<PropertyModel> ReadAlternatives(RequestSite site, DeclaredParameter declared, OpenApiSchema schema, UnionShape union)
    {
        if (declared.Required || declared.Deprecated || schema.Deprecated)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, declared.Pointer, site.Owner, (declared.Required ? "a required" : "a deprecated") + " union of objects", "the parameter");
            return Array.Empty<PropertyModel>();
        }

        var alternatives = new List<PropertyModel>();
        string? text = declared.Description ?? schema.Description;
        foreach (UnionVariant variant in union.Shapes)
        {
            string name = StripeConventions.AlternativeName(declared.WireName, variant.Schema!.Title);
            var path = site.Path.Take(site.Path.Length - 1).Concat(new[] { name }).ToArray();
            RequestSite at = site with { Path = path, Pointer = union.PointerOf(declared.Pointer, variant), Description = StripeConventions.OwnDescription(variant.Schema) };
            if (ObjectType(at, variant.Schema) is not { } type)
            {
                return Array.Empty<PropertyModel>();
            }

            alternatives.Add(new PropertyModel(declared.WireName, Naming.Pascal(name), type, Required: false, DocText.Normalize(text), Deprecation: null, ReplacedBy: null));
        }

        return alternatives;
    }

    private TypeRef? ReadType(RequestSite site, OpenApiSchema schema)
    {
        string owner = site.Owner;
        string pointer = site.Pointer;
        if (schema.AnyOf.Count > 0 || schema.OneOf.Count > 0 || schema.AllOf.Count > 0)
        {
            return ReadUnion(site, schema);
        }

        switch (schema.Type)
        {
            case "string" when StripeConventions.IsBinary(schema):
                return ReadFile(site);
            case "string" when schema.Enum.Count > 0:
                string enumFallback = Naming.Nested(site.Scope.Resource + site.Scope.Verb, site.Path);
                return _enums.Read(new TypeName(RequestName(Naming.Nested(site.Scope.Resource, site.Path), enumFallback), enumFallback), schema, pointer, site.Description);
            case "string":
                return new TypeRef(TypeKind.String, MaxLength: schema.MaxLength ?? 0, IsUrl: StripeConventions.IsUrl(schema), IsDecimal: _stripeNetFormats && StripeConventions.IsDecimal(schema));
            case "integer" or "number" or "boolean":
                return StripeConventions.Scalar(schema);
            case "array" when schema.Items is not null:
                if (_references.Resolve(schema.Items, pointer + "/items", owner, "the parameter") is not { } items)
                {
                    return null;
                }

                TypeRef? item = items.Type == "object"
                    ? ObjectType(site.At(pointer + "/items") with { Description = null }, items)
                    : ReadType(site.At(pointer + "/items") with { Description = null }, items);
                if (item is { Kind: TypeKind.Array or TypeKind.StringMap or TypeKind.Map })
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/items", owner, "a list of lists or maps", "the parameter");
                    return null;
                }

                return item is null ? null : new TypeRef(TypeKind.Array, Item: item);
            case "object" when StripeConventions.IsFreeFormObject(schema):
                return new TypeRef(TypeKind.StringMap);
            case "object" when StripeConventions.IsObjectMap(schema):
                TypeRef? value = ObjectType(site.At(pointer + "/additionalProperties") with { Description = null }, schema.AdditionalProperties);
                return value is null ? null : new TypeRef(TypeKind.Map, Item: value);
            case "object" or null when schema.Properties.Count > 0:
                return ObjectType(site, schema);
            default:
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "type '" + (schema.Type ?? "none") + "'", "the parameter");
                return null;
        }
    }

    /// <summary>A request union, as <see cref="StripeConventions.ClassifyUnion"/> sees it; other unions cannot be one C# property.</summary>
    private TypeRef? ReadUnion(RequestSite site, OpenApiSchema schema)
    {
        string owner = site.Owner;
        string pointer = site.Pointer;
        UnionShape union = StripeConventions.ClassifyUnion(schema, _references.Follow);
        RequestSite Variant(UnionVariant variant) => site with { Pointer = union.PointerOf(pointer, variant), Description = site.Description ?? StripeConventions.OwnDescription(schema) };
        if (union.Keyword == "allOf")
        {
            if (union.Kind == UnionKind.Single && _references.Resolve(union.Shapes[0].Schema, union.PointerOf(pointer, union.Shapes[0]), owner, "the parameter") is { } only)
            {
                return ReadType(Variant(union.Shapes[0]), only);
            }

            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "allOf of several schemas", "the parameter");
            return null;
        }

        IList<OpenApiSchema> variants = schema.AnyOf.Count > 0 ? schema.AnyOf : schema.OneOf;
        for (int i = 0; i < variants.Count; i++)
        {
            if (_references.Resolve(variants[i], pointer + "/" + union.Keyword + "/" + Naming.Invariant(i), owner, "the parameter") is null)
            {
                return null;
            }
        }

        switch (union.Kind)
        {
            case UnionKind.Single:
                TypeRef? type = ReadType(Variant(union.Shapes[0]), union.Shapes[0].Schema!);
                return type is null ? null : type with { Emptyable = union.Emptyable && type.Kind != TypeKind.String };
            case UnionKind.Scalars:
                return new TypeRef(
                    TypeKind.String,
                    OrTime: _stripeNetFormats && union.Shapes.Any(s => s.Schema is { Type: "integer", Format: "unix-time" }),
                    OrBool: _stripeNetFormats && union.Shapes.Any(s => s.Schema is { Type: "boolean" }));
            case UnionKind.ObjectOrScalar:
                // An object, or a scalar that stands for one (an ID or token; a time for a range): the object's
                // property, and the scalar's beside it.
                UnionVariant objectVariant = union.Shapes[1 - union.ScalarIndex];
                OpenApiSchema scalar = union.Shapes[union.ScalarIndex].Schema!;
                TypeRef? objectType = ObjectType(Variant(objectVariant), objectVariant.Schema!);
                TypeKind idKind = scalar.Type == "string" ? TypeKind.String : StripeConventions.Scalar(scalar).Kind;
                return objectType is null ? null : objectType with { OrId = true, IdKind = idKind, MaxLength = scalar.MaxLength ?? 0, Emptyable = union.Emptyable };
            default:
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, union.Keyword + " of " + string.Join(" and ", union.Shapes.Select(s => s.Schema!.Type ?? "object")), "the parameter");
                return null;
        }
    }

    private TypeRef? ObjectType(RequestSite site, OpenApiSchema schema)
    {
        string fallbackName = Naming.NestedOptions(site.Scope.Resource + site.Scope.Verb, site.Path);
        string? name = ReadObject(new TypeName(RequestName(Naming.NestedOptions(site.Scope.Resource, site.Path), fallbackName), fallbackName), site, schema);
        return name is null ? null : new TypeRef(TypeKind.Object, name);
    }

    /// <summary>A request type's natural name, or its verb-qualified one where a response model of the spec has the natural one.</summary>
    private string RequestName(string natural, string verbQualified) =>
        _types.ResponseNames.Contains(natural) ? verbQualified : natural;
}
