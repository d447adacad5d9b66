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
/// Reads an operation's parameters (form body or query) into options classes and enums, deciding every member's
/// name and flags by <see cref="StripeConventions"/>. A shape it cannot express becomes an ALG0004 and that
/// parameter (or the operation) is skipped.
/// </summary>
internal sealed class RequestReader
{
    private readonly ParseContext _context;
    private readonly EnumReader _enums;

    // The object schemas being read, by reference: a $ref cycle in a request body is reported, not recursed into.
    private readonly HashSet<OpenApiSchema> _objectsInProgress = new(ReferenceComparer<OpenApiSchema>.Instance);

    public RequestReader(ParseContext context)
    {
        _context = context;
        _enums = new EnumReader(context);
    }

    /// <summary>Reads a form body into its options class.</summary>
    public OptionsBuild? ReadForm(string name, RequestScope scope, OpenApiSchema body, string pointer, string? description)
    {
        if (_context.Resolve(body, pointer, name, "the operation") is not { } schema)
        {
            return null;
        }

        if (schema.Type is not null and not "object")
        {
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, name, "a form body of type '" + schema.Type + "'", "the operation");
            return null;
        }

        string? built = ReadObject(name, null, scope, Array.Empty<string>(), schema, pointer, description);
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

            PropertyModel? property = ReadProperty(scope, Array.Empty<string>(), parameter.Name, parameter.Schema, parameter.Required, propertyPointer, parameter.Description, parameter.Deprecated);
            if (property is not null && members.TryPlace(property, _context, propertyPointer, "another parameter", "'" + parameter.Name + "'") is { } placed)
            {
                properties.Add(placed);
            }
        }

        OptionsClassModel model = Build(name, description, properties, EquatableArray<ExclusivePair>.Empty);
        return AddOptions(model, null, pointer) is { } added ? new OptionsBuild(added, properties.Any(p => p.Required)) : null;
    }

    /// <summary>Reads an object schema into an options class; returns its name, or null when it was skipped.</summary>
    private string? ReadObject(string name, string? fallbackName, RequestScope scope, IReadOnlyList<string> path, OpenApiSchema schema, string pointer, string? description)
    {
        string owner = path.Count == 0 ? name : string.Join(".", path);
        if (path.Count > StripeConventions.MaxDepth)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "objects nested deeper than " + Naming.Invariant(StripeConventions.MaxDepth) + " levels", "the parameter");
            return null;
        }

        if (!_objectsInProgress.Add(schema))
        {
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "a schema that contains itself, which a form body cannot encode", "the parameter");
            return null;
        }

        try
        {
            return ReadObjectProperties(name, fallbackName, scope, path, schema, pointer, description);
        }
        finally
        {
            _objectsInProgress.Remove(schema);
        }
    }

    private string? ReadObjectProperties(string name, string? fallbackName, RequestScope scope, IReadOnlyList<string> path, OpenApiSchema schema, string pointer, string? description)
    {
        var members = new MemberNames(name, fallbackName);
        var properties = new List<PropertyModel>();
        foreach (var property in schema.Properties)
        {
            string propertyPointer = pointer + "/properties/" + SpecParser.Escape(property.Key);
            PropertyModel? read = ReadProperty(scope, path, property.Key, property.Value, schema.Required.Contains(property.Key), propertyPointer, property.Value?.Description, property.Value?.Deprecated ?? false);
            if (read is not null && members.TryPlace(read, _context, propertyPointer, "another property", "'" + property.Key + "'") is { } placed)
            {
                properties.Add(placed);
            }
        }

        var exclusive = new List<ExclusivePair>();
        foreach (string[] group in StripeConventions.ExclusiveGroups(schema))
        {
            if (group.FirstOrDefault(p => !properties.Any(m => m.WireName == p)) is { } missing)
            {
                _context.Report(DiagnosticDescriptors.InvalidExtension, pointer + "/" + StripeConventions.MutuallyExclusive, StripeConventions.MutuallyExclusive, name, missing, "the object does not have", "that group is not checked");
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

        OptionsClassModel model = Build(name, description ?? StripeConventions.OwnDescription(schema), properties, exclusive.ToEquatableArray());
        return AddOptions(model, fallbackName, pointer);
    }

    private static OptionsClassModel Build(string name, string? description, List<PropertyModel> properties, EquatableArray<ExclusivePair> exclusive) =>
        new(name, DocText.Normalize(description), properties.ToEquatableArray(), exclusive, properties.Any(p => p.Deprecation is not null));

    /// <summary>Registers the class under its name, else under the fallback name; null (and ALG0005) when both are taken.</summary>
    private string? AddOptions(OptionsClassModel model, string? fallbackName, string pointer)
    {
        if (_context.TryAddOptions(model))
        {
            return model.Name;
        }

        if (fallbackName is not null && _context.TryAddOptions(model with { Name = fallbackName }))
        {
            return fallbackName;
        }

        _context.Report(DiagnosticDescriptors.DuplicateName, pointer, fallbackName ?? model.Name, "another generated type", "this parameter object");
        return null;
    }

    private PropertyModel? ReadProperty(RequestScope scope, IReadOnlyList<string> parentPath, string wireName, OpenApiSchema? declared, bool required, string pointer, string? description, bool deprecated)
    {
        string ownerName = parentPath.Count == 0 ? wireName : string.Join(".", parentPath) + "." + wireName;
        if (_context.Resolve(declared, pointer, ownerName, "the parameter") is not { } schema)
        {
            return null;
        }

        var path = parentPath.Concat(new[] { wireName }).ToArray();
        // The field's description is the property's summary, never its type's: a type may be shared by many fields.
        TypeRef? type = ReadType(scope, path, schema, pointer, description: null);
        if (type is null)
        {
            return null;
        }

        string? text = description ?? schema.Description;
        string? deprecation = StripeConventions.Deprecation(deprecated || schema.Deprecated, text);
        string? replacedBy = deprecation is null ? null : StripeConventions.ReplacedByPath(schema);
        if (replacedBy is not null)
        {
            _context.NoteReplacement(wireName, replacedBy, pointer);
        }

        return new PropertyModel(wireName, Naming.Pascal(wireName), type, required, DocText.Normalize(text), deprecation, replacedBy);
    }

    private TypeRef? ReadType(RequestScope scope, string[] path, OpenApiSchema schema, string pointer, string? description)
    {
        string owner = string.Join(".", path);
        if (schema.AnyOf.Count > 0 || schema.OneOf.Count > 0 || schema.AllOf.Count > 0)
        {
            return ReadUnion(scope, path, schema, pointer, description, owner);
        }

        switch (schema.Type)
        {
            case "string" when schema.Enum.Count > 0:
                string enumFallback = Naming.Nested(scope.Resource + scope.Verb, path);
                return _enums.Read(RequestName(Naming.Nested(scope.Resource, path), enumFallback), enumFallback, schema, pointer, description);
            case "string":
                return new TypeRef(TypeKind.String, MaxLength: schema.MaxLength ?? 0, IsUrl: StripeConventions.IsUrl(schema));
            case "integer" or "number" or "boolean":
                return StripeConventions.Scalar(schema);
            case "array" when schema.Items is not null:
                if (_context.Resolve(schema.Items, pointer + "/items", owner, "the parameter") is not { } items)
                {
                    return null;
                }

                TypeRef? item = items.Type == "object"
                    ? ObjectType(scope, path, items, pointer + "/items", description: null)
                    : ReadType(scope, path, items, pointer + "/items", description: null);
                if (item is { Kind: TypeKind.Array or TypeKind.StringMap or TypeKind.Map })
                {
                    _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/items", owner, "a list of lists or maps", "the parameter");
                    return null;
                }

                return item is null ? null : new TypeRef(TypeKind.Array, Item: item);
            case "object" when StripeConventions.IsFreeFormObject(schema):
                return new TypeRef(TypeKind.StringMap);
            case "object" when StripeConventions.IsObjectMap(schema):
                TypeRef? value = ObjectType(scope, path, schema.AdditionalProperties, pointer + "/additionalProperties", description: null);
                return value is null ? null : new TypeRef(TypeKind.Map, Item: value);
            case "object" or null when schema.Properties.Count > 0:
                return ObjectType(scope, path, schema, pointer, description);
            default:
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "type '" + (schema.Type ?? "none") + "'", "the parameter");
                return null;
        }
    }

    /// <summary>A request union, as <see cref="StripeConventions.ClassifyUnion"/> sees it; other unions cannot be one C# property.</summary>
    private TypeRef? ReadUnion(RequestScope scope, string[] path, OpenApiSchema schema, string pointer, string? description, string owner)
    {
        UnionShape union = StripeConventions.ClassifyUnion(schema, _context.Follow);
        if (union.Keyword == "allOf")
        {
            if (union.Kind == UnionKind.Single && _context.Resolve(union.Shapes[0].Schema, union.PointerOf(pointer, union.Shapes[0]), owner, "the parameter") is { } only)
            {
                return ReadType(scope, path, only, union.PointerOf(pointer, union.Shapes[0]), description ?? StripeConventions.OwnDescription(schema));
            }

            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "allOf of several schemas", "the parameter");
            return null;
        }

        IList<OpenApiSchema> variants = schema.AnyOf.Count > 0 ? schema.AnyOf : schema.OneOf;
        for (int i = 0; i < variants.Count; i++)
        {
            if (_context.Resolve(variants[i], pointer + "/" + union.Keyword + "/" + Naming.Invariant(i), owner, "the parameter") is null)
            {
                return null;
            }
        }

        switch (union.Kind)
        {
            case UnionKind.Single:
                TypeRef? type = ReadType(scope, path, union.Shapes[0].Schema!, union.PointerOf(pointer, union.Shapes[0]), description ?? StripeConventions.OwnDescription(schema));
                return type is null ? null : type with { Emptyable = union.Emptyable && type.Kind != TypeKind.String };
            case UnionKind.Scalars:
                return new TypeRef(TypeKind.String);
            case UnionKind.ObjectOrScalar:
                // An object, or a scalar that stands for one (an ID or token; a time for a range): the object's
                // property, and the scalar's beside it.
                UnionVariant objectVariant = union.Shapes[1 - union.ScalarIndex];
                OpenApiSchema scalar = union.Shapes[union.ScalarIndex].Schema!;
                TypeRef? objectType = ObjectType(scope, path, objectVariant.Schema!, union.PointerOf(pointer, objectVariant), description ?? StripeConventions.OwnDescription(schema));
                TypeKind idKind = scalar.Type == "string" ? TypeKind.String : StripeConventions.Scalar(scalar).Kind;
                return objectType is null ? null : objectType with { OrId = true, IdKind = idKind, MaxLength = scalar.MaxLength ?? 0, Emptyable = union.Emptyable };
            default:
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, union.Keyword + " of " + string.Join(" and ", union.Shapes.Select(s => s.Schema!.Type ?? "object")), "the parameter");
                return null;
        }
    }

    private TypeRef? ObjectType(RequestScope scope, string[] path, OpenApiSchema schema, string pointer, string? description)
    {
        string fallbackName = Naming.NestedOptions(scope.Resource + scope.Verb, path);
        string? name = ReadObject(RequestName(Naming.NestedOptions(scope.Resource, path), fallbackName), fallbackName, scope, path, schema, pointer, description);
        return name is null ? null : new TypeRef(TypeKind.Object, name);
    }

    /// <summary>A request type's natural name, or its verb-qualified one where a response model of the spec has the natural one.</summary>
    private string RequestName(string natural, string verbQualified) =>
        _context.ResponseNames.Contains(natural) ? verbQualified : natural;
}
