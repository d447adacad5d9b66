using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Reads response schemas into response models: objects, expandable fields (an ID, or the object when expanded),
/// lists of them, maps, unions of objects (see <c>ResponseReader.Unions.cs</c>) and pages of a list or search (see
/// <c>ResponseReader.Pages.cs</c>), by <see cref="StripeConventions"/>.
/// A response field is never narrowed silently: what no member can hold is kept as JSON, and the rest is reported.
/// </summary>
internal sealed partial class ResponseReader
{
    private readonly GeneratedTypes _types;
    private readonly ReferenceResolver _references;
    private readonly ParseDiagnostics _diagnostics;
    private readonly ClassNames _names;

    // Response models being read: a schema that reaches itself (a customer's default source's customer) gets its
    // name and is read once.
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    private readonly bool _stripeNetFormats;

    public ResponseReader(GeneratedTypes types, ReferenceResolver references, ParseDiagnostics diagnostics, ClassNames names, bool stripeNetFormats)
    {
        _stripeNetFormats = stripeNetFormats;
        _types = types;
        _names = names;
        _references = references;
        _diagnostics = diagnostics;
    }

    /// <summary>Response fields read as ID strings because no wrapper could be named for what they hold (ALG0012).</summary>
    public List<string> SimplifiedFields { get; } = new();

    /// <summary>Notes the names the component schemas give their response models (see <see cref="GeneratedTypes.ResponseNames"/>).</summary>
    public void ReserveNames(IDictionary<string, OpenApiSchema>? schemas)
    {
        foreach (var schema in schemas ?? new Dictionary<string, OpenApiSchema>())
        {
            if (schema.Value is not null)
            {
                _types.ResponseNames.Add(_names.ResponseName(schema.Value, Naming.Pascal(schema.Key)));
            }
        }
    }

    /// <summary>Reads the success response schema into a model and returns its type name.</summary>
    public string? Read(OpenApiSchema declared, string fallbackName, string pointer)
    {
        if (_references.Resolve(declared, pointer, fallbackName, "the operation") is not { } schema)
        {
            return null;
        }

        if (schema.Properties.Count == 0 && schema.AnyOf.Count + schema.OneOf.Count > 0)
        {
            // A response that is one of several objects (a customer or a deleted one).
            return ReadUnion(schema, fallbackName, pointer, out _)
                ?? Skip(pointer, fallbackName, "a union of objects that no 'object' field tells apart", "the operation");
        }

        string name = _names.ResponseName(schema, fallbackName);
        if (!Begin(name))
        {
            return name;
        }

        List<ResponsePropertyModel> properties;
        try
        {
            properties = ReadProperties(name, schema, pointer);
        }
        finally
        {
            _inProgress.Remove(name);
        }

        if (!_types.TryAddResponse(new ResponseModel(name, StripeConventions.OwnDescription(schema), properties.ToEquatableArray())))
        {
            _diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, name, "another generated type", "this response model");
            return null;
        }

        if (StripeConventions.ObjectValue(schema) is { } objectValue)
        {
            _types.Resources.Add(new ObjectTableEntry(objectValue, StripeConventions.IsDeleted(schema), name));
        }

        return name;
    }

    /// <summary>
    /// Whether the response model <paramref name="name"/> is still to be read: false when it is registered or being
    /// read already; true marks it as being read until the caller removes it from <see cref="_inProgress"/>.
    /// </summary>
    private bool Begin(string name) => !_types.HasResponse(name) && _inProgress.Add(name);

    /// <summary>The fields of a response object, each with its C# name (and its expanded object's, where it has one).</summary>
    private List<ResponsePropertyModel> ReadProperties(string name, OpenApiSchema schema, string pointer)
    {
        var properties = new List<ResponsePropertyModel>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in schema.Properties)
        {
            string propertyPointer = pointer + "/properties/" + JsonPointer.Escape(property.Key);
            TypeRef? type = ReadFieldType(name, property.Key, property.Value, propertyPointer);
            if (type is null)
            {
                continue;
            }

            string propertyName = Naming.Member(Naming.Pascal(property.Key), name, Naming.ResponseMembers);
            if (!usedNames.Add(propertyName))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateName, propertyPointer, name + "." + propertyName, "another field", "'" + property.Key + "'");
                continue;
            }

            string? expandedName = null;
            bool expandableList = type is { Kind: TypeKind.Array, Item.Kind: TypeKind.Expandable };
            if (type.Kind == TypeKind.Expandable || expandableList)
            {
                expandedName = Naming.Member(Naming.ExpandedMember(propertyName), name, Naming.ResponseMembers);
                if (schema.Properties.Keys.Any(key => Naming.Pascal(key) == expandedName) || !usedNames.Add(expandedName))
                {
                    // No room for the object beside its ID: keep the ID only, and say so with the others.
                    SimplifiedFields.Add(name + "." + property.Key);
                    type = expandableList ? new TypeRef(TypeKind.Array, Item: new TypeRef(TypeKind.String)) : new TypeRef(TypeKind.String);
                    expandedName = null;
                }
            }

            // Stripe.net's shape reads a number, boolean or time the spec does not declare nullable as a plain value
            // (Account.ChargesEnabled is a bool), required or not; its compatibility mode reads every such field leniently.
            bool scalar = _stripeNetFormats && type.Kind is TypeKind.Integer or TypeKind.Number or TypeKind.Boolean or TypeKind.UnixTime;
            bool required = (schema.Required.Contains(property.Key) || scalar) && !property.Value.Nullable;
            properties.Add(new ResponsePropertyModel(property.Key, propertyName, type, required, DocText.Normalize(property.Value.Description), expandedName));
        }

        return properties;
    }

    private TypeRef? ReadFieldType(string owner, string wireName, OpenApiSchema? declared, string pointer)
    {
        if (_references.Resolve(declared, pointer, owner + "." + wireName, "the field") is not { } schema)
        {
            return null;
        }

        if (schema.AnyOf.Count > 0 || schema.OneOf.Count > 0 || schema.AllOf.Count > 0)
        {
            return ReadFieldUnion(owner, wireName, schema, pointer);
        }

        if (StripeConventions.PageKind(schema) is { } page)
        {
            return ReadPage(owner, wireName, schema, page, pointer);
        }

        switch (schema.Type)
        {
            case "string":
                return new TypeRef(TypeKind.String, IsDecimal: _stripeNetFormats && StripeConventions.IsDecimal(schema));
            case "integer" or "number" or "boolean":
                return StripeConventions.Scalar(schema);
            case "array" when schema.Items is not null:
                TypeRef? item = ReadFieldType(owner, wireName, schema.Items, pointer + "/items");
                if (item is { Kind: TypeKind.Array or TypeKind.StringMap or TypeKind.Map })
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/items", owner + "." + wireName, "a list of lists or maps", "the field");
                    return null;
                }

                // A list of expandable items (an invoice's discounts) reads as their IDs, with the objects beside
                // them when the request expanded the list (see ReadResponse).
                return item is null ? null : new TypeRef(TypeKind.Array, Item: item);
            case "object" when StripeConventions.IsFreeFormObject(schema) && schema.AdditionalProperties is { Type: "string" }:
                return new TypeRef(TypeKind.StringMap);
            case "object" when StripeConventions.IsObjectMap(schema):
                string? value = Read(schema.AdditionalProperties, owner + Naming.Pascal(wireName), pointer + "/additionalProperties");
                return value is null ? null : new TypeRef(TypeKind.Map, Item: new TypeRef(TypeKind.Object, value));
            case "object" when StripeConventions.IsScalarMap(schema):
                return new TypeRef(TypeKind.Map, Item: StripeConventions.Scalar(schema.AdditionalProperties));
            case "object" when schema.Properties.Count > 0:
                string? nested = Read(schema, owner + Naming.Pascal(wireName), pointer);
                return nested is null ? null : new TypeRef(TypeKind.Object, nested);
            case "object" when StripeConventions.HoldsAnyResource(wireName, schema):
                return new TypeRef(TypeKind.StripeObject);
            case "object":
                // Any JSON object (a map of lists, say): kept whole rather than narrowed.
                return new TypeRef(TypeKind.Json);
            default:
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner + "." + wireName, "type '" + (schema.Type ?? "none") + "'", "the field");
                return null;
        }
    }

    /// <summary>
    /// Stripe's response unions: one schema (how the spec marks a nested object nullable) reads as that schema;
    /// objects told apart by <c>object</c> (with or without an ID) as their wrapper; an ID string or one object (an
    /// expandable field) as <see cref="TypeKind.Expandable"/>; objects nothing tells apart as JSON. What is left
    /// is read as a string, and ALG0012 lists it.
    /// </summary>
    private TypeRef? ReadFieldUnion(string owner, string wireName, OpenApiSchema schema, string pointer)
    {
        string keyword = schema.AllOf.Count > 0 ? "allOf" : schema.AnyOf.Count > 0 ? "anyOf" : "oneOf";
        IList<OpenApiSchema> variants = schema.AllOf.Count > 0 ? schema.AllOf : schema.AnyOf.Count > 0 ? schema.AnyOf : schema.OneOf;
        bool single = schema.AnyOf.Count + schema.OneOf.Count + schema.AllOf.Count == 1;
        if (single)
        {
            return ReadFieldType(owner, wireName, variants[0], pointer + "/" + keyword + "/0");
        }

        if (schema.AllOf.Count == 0 && ReadUnion(schema, owner + Naming.Pascal(wireName), pointer, out bool orId) is { } wrapperName)
        {
            // One of several objects (or the ID of one): read as the wrapper that holds whichever came back.
            var wrapper = new TypeRef(TypeKind.Object, wrapperName);
            return orId ? new TypeRef(TypeKind.Expandable, Item: wrapper) : wrapper;
        }

        UnionShape union = StripeConventions.ClassifyUnion(schema, _references.Follow);
        if (union is { Keyword: "anyOf", Kind: UnionKind.ObjectOrScalar, Emptyable: false } && schema.OneOf.Count == 0
            && union.Shapes[union.ScalarIndex].Schema!.Type == "string")
        {
            // An ID, or the object when the request expanded it (the request side's object-or-ID parameter).
            UnionVariant resource = union.Shapes[1 - union.ScalarIndex];
            string? expanded = Read(resource.Schema!, owner + Naming.Pascal(wireName), union.PointerOf(pointer, resource));
            if (expanded is not null)
            {
                return new TypeRef(TypeKind.Expandable, Item: new TypeRef(TypeKind.Object, expanded));
            }
        }

        if (variants.All(v => v is { Type: "object" or null }))
        {
            // Objects that no 'object' field tells apart, and no ID among them: kept whole rather than lost.
            return new TypeRef(TypeKind.Json);
        }

        SimplifiedFields.Add(owner + "." + wireName);
        return new TypeRef(TypeKind.String);
    }
}
