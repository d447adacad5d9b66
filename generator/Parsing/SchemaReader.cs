using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>The options class built for an operation, and whether it has required members.</summary>
internal sealed record OptionsBuild(string Name, bool HasRequired);

/// <summary>
/// Reads request schemas into options classes and enums, and response schemas into response models.
/// A shape it cannot express becomes an ALG0004 diagnostic and the property (or operation) is skipped.
/// </summary>
internal sealed partial class SchemaReader
{
    internal const string BypassValidation = "x-stripeBypassValidation";
    internal const string MutuallyExclusive = "x-accountLinkGen-mutuallyExclusive";
    internal const string ReplacedBy = "x-accountLinkGen-replacedBy";
    internal const string ResourceId = "x-resourceId";

    private readonly ParseContext _context;

    private const int MaxDepth = 32;

    // The operation being read: a nested type whose natural name another operation took gets a verb-qualified one.
    private string _verb = string.Empty;

    // The object schemas being read, by reference: a $ref cycle in a request body is reported, not recursed into.
    private readonly HashSet<OpenApiSchema> _objectsInProgress = new(ReferenceComparer<OpenApiSchema>.Instance);

    public SchemaReader(ParseContext context) => _context = context;

    public OptionsBuild? ReadOptions(string name, string resource, string verb, OpenApiSchema schema, string pointer, string? description)
    {
        _verb = verb;
        if (!IsResolved(schema, pointer, name, "the operation"))
        {
            return null;
        }

        if (schema.Type is not null and not "object")
        {
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, name, "a form body of type '" + schema.Type + "'", "the operation");
            return null;
        }

        string? built = ReadObject(name, null, resource, Array.Empty<string>(), schema, pointer, description);
        return built is null ? null : new OptionsBuild(built, schema.Required.Count > 0);
    }

    public OptionsBuild? ReadQueryOptions(string name, string resource, string verb, List<OpenApiParameter> parameters, string pointer, string? description)
    {
        _verb = verb;
        var properties = new List<PropertyModel>();
        for (int i = 0; i < parameters.Count; i++)
        {
            OpenApiParameter parameter = parameters[i];
            string propertyPointer = pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/schema";
            if (parameter.Schema is null)
            {
                continue;
            }

            PropertyModel? property = ReadProperty(resource, Array.Empty<string>(), parameter.Name, parameter.Schema, parameter.Required, propertyPointer, parameter.Description, parameter.Deprecated);
            if (property is null)
            {
                continue;
            }

            property = property with { Name = Naming.Member(property.Name, name, Naming.OptionsMembers) };
            if (properties.Any(p => p.Name == property.Name || "Clear" + p.Name == property.Name || (p.Type.OrId && AlternativeMember(p) == property.Name))
                || (property.Type.OrId && properties.Any(p => p.Name == AlternativeMember(property))))
            {
                _context.Report(DiagnosticDescriptors.DuplicateName, propertyPointer, name + "." + property.Name, "another parameter", "'" + parameter.Name + "'");
                continue;
            }

            properties.Add(property);
        }

        var model = new OptionsClassModel(name, DocText.Normalize(description), properties.ToEquatableArray(), EquatableArray<ExclusivePair>.Empty);
        return AddOptions(model, null, pointer) is { } added ? new OptionsBuild(added, properties.Any(p => p.Required)) : null;
    }

    /// <summary>Reads an object schema into an options class; returns its name, or null when it was skipped.</summary>
    private string? ReadObject(string name, string? fallbackName, string resource, IReadOnlyList<string> path, OpenApiSchema schema, string pointer, string? description)
    {
        string owner = path.Count == 0 ? name : string.Join(".", path);
        if (path.Count > MaxDepth)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "objects nested deeper than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels", "the parameter");
            return null;
        }

        if (!_objectsInProgress.Add(schema))
        {
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "a schema that contains itself, which a form body cannot encode", "the parameter");
            return null;
        }

        try
        {
            return ReadObjectProperties(name, fallbackName, resource, path, schema, pointer, description);
        }
        finally
        {
            _objectsInProgress.Remove(schema);
        }
    }

    private string? ReadObjectProperties(string name, string? fallbackName, string resource, IReadOnlyList<string> path, OpenApiSchema schema, string pointer, string? description)
    {
        var properties = new List<PropertyModel>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in schema.Properties)
        {
            string propertyPointer = pointer + "/properties/" + SpecParser.Escape(property.Key);
            PropertyModel? read = ReadProperty(resource, path, property.Key, property.Value, schema.Required.Contains(property.Key), propertyPointer, property.Value?.Description, property.Value?.Deprecated ?? false);
            if (read is null)
            {
                continue;
            }

            // A member may not share its class's name (CS0542), whichever name the class ends up with.
            string member = Naming.Member(Naming.Member(read.Name, name, Naming.OptionsMembers), fallbackName ?? name, Naming.OptionsMembers);
            if (member != read.Name)
            {
                read = read with { Name = member };
            }

            if (!usedNames.Add(read.Name))
            {
                _context.Report(DiagnosticDescriptors.DuplicateName, propertyPointer, name + "." + read.Name, "another property", "'" + property.Key + "'");
                continue;
            }

            if (read.Type.Emptyable && !usedNames.Add("Clear" + read.Name))
            {
                _context.Report(DiagnosticDescriptors.DuplicateName, propertyPointer, name + ".Clear" + read.Name, "another property", "the switch that clears '" + property.Key + "'");
                continue;
            }

            if (read.Type.OrId && !usedNames.Add(AlternativeMember(read)))
            {
                _context.Report(DiagnosticDescriptors.DuplicateName, propertyPointer, name + "." + AlternativeMember(read), "another property", "the value that can stand for '" + property.Key + "'");
                continue;
            }

            properties.Add(read);
        }

        var exclusive = new List<ExclusivePair>();
        if (schema.Extensions.TryGetValue(MutuallyExclusive, out IOpenApiExtension? extension))
        {
            foreach (string[] group in StringGroups(extension))
            {
                if (group.FirstOrDefault(p => !properties.Any(m => m.WireName == p)) is { } missing)
                {
                    _context.Report(DiagnosticDescriptors.InvalidExtension, pointer + "/" + MutuallyExclusive, MutuallyExclusive, name, missing, "the object does not have", "that group is not checked");
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
        }

        var model = new OptionsClassModel(name, DocText.Normalize(description ?? schema.Description), properties.ToEquatableArray(), exclusive.ToEquatableArray());
        return AddOptions(model, fallbackName, pointer);
    }

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

    private PropertyModel? ReadProperty(string resource, IReadOnlyList<string> parentPath, string wireName, OpenApiSchema? schema, bool required, string pointer, string? description, bool deprecated)
    {
        string ownerName = parentPath.Count == 0 ? wireName : string.Join(".", parentPath) + "." + wireName;
        if (!IsResolved(schema, pointer, ownerName, "the parameter"))
        {
            return null;
        }

        OpenApiSchema resolved = schema!;
        var path = parentPath.Concat(new[] { wireName }).ToArray();
        TypeRef? type = ReadParameterType(resource, path, wireName, resolved, pointer, description);
        if (type is null)
        {
            return null;
        }

        string? deprecation = null;
        if (deprecated || resolved.Deprecated)
        {
            deprecation = DocText.Normalize(description ?? resolved.Description);
            if (deprecation.Length == 0)
            {
                deprecation = "This parameter is deprecated.";
            }
        }

        string? replacedBy = resolved.Extensions.TryGetValue(ReplacedBy, out IOpenApiExtension? replaced) && replaced is OpenApiString s ? s.Value : null;
        return new PropertyModel(wireName, Naming.Pascal(wireName), type, required, DocText.Normalize(description ?? resolved.Description), deprecation, replacedBy);
    }

    private TypeRef? ReadParameterType(string resource, string[] path, string wireName, OpenApiSchema schema, string pointer, string? description)
    {
        string owner = string.Join(".", path);
        if (schema.AnyOf.Count > 0 || schema.OneOf.Count > 0 || schema.AllOf.Count > 0)
        {
            return ReadUnion(resource, path, wireName, schema, pointer, description, owner);
        }

        switch (schema.Type)
        {
            case "string" when schema.Enum.Count > 0:
                string enumFallback = Naming.Nested(resource + _verb, path);
                return ReadEnum(RequestName(Naming.Nested(resource, path), enumFallback), enumFallback, schema, pointer, description);
            case "string":
                // Only the spec's own format makes a URL check: a name ending in _url says nothing about which
                // schemes Stripe takes (a payment intent's return_url takes app schemes such as myapp://).
                bool url = schema.Format is "uri" or "url";
                return new TypeRef(TypeKind.String, MaxLength: schema.MaxLength ?? 0, IsUrl: url);
            case "integer" or "number" or "boolean":
                return Scalar(schema);
            case "array" when schema.Items is not null:
                if (!IsResolved(schema.Items, pointer + "/items", owner, "the parameter"))
                {
                    return null;
                }

                TypeRef? item = schema.Items.Type == "object"
                    ? ObjectType(resource, path, schema.Items, pointer + "/items", description)
                    : ReadParameterType(resource, path, wireName, schema.Items, pointer + "/items", description);
                if (item is { Kind: TypeKind.Array or TypeKind.StringMap or TypeKind.Map })
                {
                    _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/items", owner, "a list of lists or maps", "the parameter");
                    return null;
                }

                return item is null ? null : new TypeRef(TypeKind.Array, Item: item);
            case "object" when IsFreeFormObject(schema):
                return new TypeRef(TypeKind.StringMap);
            case "object" when IsObjectMap(schema):
                TypeRef? value = ObjectType(resource, path, schema.AdditionalProperties, pointer + "/additionalProperties", description);
                return value is null ? null : new TypeRef(TypeKind.Map, Item: value);
            case "object" or null when schema.Properties.Count > 0:
                return ObjectType(resource, path, schema, pointer, description);
            default:
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "type '" + (schema.Type ?? "none") + "'", "the parameter");
                return null;
        }
    }

    /// <summary>
    /// Stripe's unions: one shape plus the empty-string enum (an "emptyable" field, cleared with <c>key=</c>), a
    /// single-element <c>allOf</c>, or scalars only (sent as their text). Other unions cannot be one C# property.
    /// </summary>
    private TypeRef? ReadUnion(string resource, string[] path, string wireName, OpenApiSchema schema, string pointer, string? description, string owner)
    {
        if (schema.AllOf.Count > 0)
        {
            if (schema.AllOf.Count == 1 && schema.AnyOf.Count == 0 && schema.OneOf.Count == 0 && IsResolved(schema.AllOf[0], pointer + "/allOf/0", owner, "the parameter"))
            {
                return ReadParameterType(resource, path, wireName, schema.AllOf[0], pointer + "/allOf/0", description ?? schema.Description);
            }

            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "allOf of several schemas", "the parameter");
            return null;
        }

        string keyword = schema.AnyOf.Count > 0 ? "anyOf" : "oneOf";
        IList<OpenApiSchema> variants = schema.AnyOf.Count > 0 ? schema.AnyOf : schema.OneOf;
        bool emptyable = false;
        var shapes = new List<(OpenApiSchema Schema, int Index)>();
        for (int i = 0; i < variants.Count; i++)
        {
            if (!IsResolved(variants[i], pointer + "/" + keyword + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), owner, "the parameter"))
            {
                return null;
            }

            if (IsEmptyMarker(variants[i]))
            {
                emptyable = true;
            }
            else
            {
                shapes.Add((variants[i], i));
            }
        }

        if (shapes.Count == 1)
        {
            string variantPointer = pointer + "/" + keyword + "/" + shapes[0].Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            TypeRef? type = ReadParameterType(resource, path, wireName, shapes[0].Schema, variantPointer, description ?? schema.Description);
            return type is null ? null : type with { Emptyable = emptyable && type.Kind != TypeKind.String };
        }

        if (shapes.Count > 1 && shapes.All(s => s.Schema.Type is "string" or "integer" or "number" or "boolean" && s.Schema.AnyOf.Count == 0 && s.Schema.OneOf.Count == 0))
        {
            return new TypeRef(TypeKind.String);
        }

        if (shapes.Count == 2 && IdOrObject(shapes[0].Schema, shapes[1].Schema) is { } idIndex)
        {
            // An object, or a scalar that stands for one (an ID or token; a time for a range): the object's
            // property, and the scalar's beside it.
            var (objectSchema, objectIndex) = shapes[1 - idIndex];
            OpenApiSchema scalar = shapes[idIndex].Schema;
            string variantPointer = pointer + "/" + keyword + "/" + objectIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            TypeRef? type = ObjectType(resource, path, objectSchema, variantPointer, description ?? schema.Description);
            TypeKind idKind = scalar.Type == "string" ? TypeKind.String : Scalar(scalar).Kind;
            return type is null ? null : type with { OrId = true, IdKind = idKind, MaxLength = scalar.MaxLength ?? 0, Emptyable = emptyable };
        }

        _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, keyword + " of " + string.Join(" and ", shapes.Select(s => s.Schema.Type ?? "object")), "the parameter");
        return null;
    }

    /// <summary>
    /// An object without declared properties whose values are strings or unspecified (<c>metadata</c>, or an
    /// empty options object): a string map, so that any key can be sent.
    /// </summary>
    private static bool IsFreeFormObject(OpenApiSchema schema) =>
        schema.Properties.Count == 0
        && (schema.AdditionalProperties is null
            || (schema.AdditionalProperties.Type is "string" or null
                && schema.AdditionalProperties.Properties.Count == 0
                && schema.AdditionalProperties.AnyOf.Count == 0
                && schema.AdditionalProperties.OneOf.Count == 0));

    /// <summary>The member that sends an object-or-scalar parameter's scalar.</summary>
    private static string AlternativeMember(PropertyModel property) => Naming.AlternativeMember(property.Name, property.Type.IdKind == TypeKind.String);

    /// <summary>
    /// Which of the two is a plain string (an ID or token) or number (a time for a range) when the other is an
    /// object with properties; null otherwise.
    /// </summary>
    private static int? IdOrObject(OpenApiSchema first, OpenApiSchema second)
    {
        static bool IsId(OpenApiSchema s) => s is { Type: "string" or "integer" or "number", Enum.Count: 0, AnyOf.Count: 0, OneOf.Count: 0, AllOf.Count: 0 };
        static bool IsObject(OpenApiSchema s) => s is { Type: "object" or null, Properties.Count: > 0, AnyOf.Count: 0, OneOf.Count: 0, AllOf.Count: 0 };
        return IsId(first) && IsObject(second) ? 0 : IsId(second) && IsObject(first) ? 1 : null;
    }

    /// <summary>
    /// An object without declared properties whose values are all objects of one shape (<c>currency_options</c>:
    /// a currency to its options): a map of that object, sent as <c>name[key][child]=…</c>.
    /// </summary>
    private static bool IsObjectMap(OpenApiSchema schema) =>
        schema.Properties.Count == 0
        && schema.AdditionalProperties is { UnresolvedReference: false } value
        && value.Type is "object" or null
        && value.Properties.Count > 0
        && value.AnyOf.Count == 0
        && value.OneOf.Count == 0
        && value.AllOf.Count == 0;

    /// <summary>A response object whose values are all integers, numbers or booleans (<c>available</c>: a currency to an amount).</summary>
    private static bool IsScalarMap(OpenApiSchema schema) =>
        schema.Properties.Count == 0
        && schema.AdditionalProperties is { UnresolvedReference: false, Type: "integer" or "number" or "boolean" } value
        && value.AnyOf.Count == 0
        && value.OneOf.Count == 0
        && value.AllOf.Count == 0;

    /// <summary>Integers (unix times among them), numbers and booleans read the same in requests and responses.</summary>
    private static TypeRef Scalar(OpenApiSchema schema) => schema.Type switch
    {
        "integer" when schema.Format == "unix-time" => new TypeRef(TypeKind.UnixTime),
        "integer" => new TypeRef(TypeKind.Integer),
        "number" => new TypeRef(TypeKind.Number),
        _ => new TypeRef(TypeKind.Boolean),
    };

    private static bool IsEmptyMarker(OpenApiSchema schema) =>
        schema.Type == "string" && schema.Enum.Count == 1 && schema.Enum[0] is OpenApiString { Value.Length: 0 };

    private TypeRef? ObjectType(string resource, string[] path, OpenApiSchema schema, string pointer, string? description)
    {
        string fallbackName = Naming.NestedOptions(resource + _verb, path);
        string? name = ReadObject(RequestName(Naming.NestedOptions(resource, path), fallbackName), fallbackName, resource, path, schema, pointer, description);
        return name is null ? null : new TypeRef(TypeKind.Object, name);
    }

    /// <summary>A request type's natural name, or its verb-qualified one where a response model of the spec has the natural one.</summary>
    private string RequestName(string natural, string verbQualified) =>
        _context.ResponseNames.Contains(natural) ? verbQualified : natural;

    /// <summary>Notes the names the component schemas give their response models (see <see cref="ParseContext.ResponseNames"/>).</summary>
    public void ReserveResponseNames(IDictionary<string, OpenApiSchema>? schemas)
    {
        foreach (var schema in schemas ?? new Dictionary<string, OpenApiSchema>())
        {
            if (schema.Value is not null)
            {
                _context.ResponseNames.Add(ResponseName(schema.Value, Naming.Pascal(schema.Key)));
            }
        }
    }

    private TypeRef? ReadEnum(string name, string fallbackName, OpenApiSchema schema, string pointer, string? description)
    {
        bool open = schema.Extensions.TryGetValue(BypassValidation, out IOpenApiExtension? bypass) && bypass is OpenApiBoolean { Value: true };
        var members = new List<EnumMemberModel>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (IOpenApiAny value in schema.Enum)
        {
            if (value is not OpenApiString text)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/enum", name, "a non-string enum value", "the value");
                continue;
            }

            // A value listed twice adds nothing (JSON Schema asks for unique values); keeping both would give two
            // members one wire name, which the wire-name table rejects.
            if (!wireNames.Add(text.Value))
            {
                continue;
            }

            string member = Naming.Pascal(text.Value);
            if (member == name)
            {
                member = "Value" + member;
            }
            else if (open && Naming.OpenEnumMembers.Contains(member))
            {
                // An open enum's values are static properties beside its own members (Value, IsKnown, …).
                member += "Value";
            }

            // Values that differ only in punctuation (Etc/GMT+0, Etc/GMT-0) get numbered names.
            string unique = member;
            for (int n = 2; !memberNames.Add(unique); n++)
            {
                unique = member + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            member = unique;

            members.Add(new EnumMemberModel(text.Value, member));
        }

        var model = new EnumModel(name, DocText.Normalize(description ?? schema.Description), open, members.ToEquatableArray());
        TypeKind kind = open ? TypeKind.OpenEnum : TypeKind.Enum;
        if (_context.TryAddEnum(model))
        {
            return new TypeRef(kind, name);
        }

        if (_context.TryAddEnum(model with { Name = fallbackName }))
        {
            return new TypeRef(kind, fallbackName);
        }

        _context.Report(DiagnosticDescriptors.DuplicateName, pointer, fallbackName, "another generated type", "this enum");
        return null;
    }

    /// <summary>Reads the success response schema into a model and returns its type name.</summary>
    public string? ReadResponse(OpenApiSchema schema, string fallbackName, string pointer)
    {
        if (!IsResolved(schema, pointer, fallbackName, "the operation"))
        {
            return null;
        }

        if (schema.Properties.Count == 0 && schema.AnyOf.Count + schema.OneOf.Count > 0)
        {
            // A response that is one of several objects (a customer or a deleted one).
            return ReadUnionResponse(schema, fallbackName, pointer, out _)
                ?? Skip(pointer, fallbackName, "a union of objects that no 'object' field tells apart", "the operation");
        }

        string name = ResponseName(schema, fallbackName);
        if (_context.HasResponse(name) || _context.ResponsesInProgress.Contains(name))
        {
            return name;
        }

        _context.ResponsesInProgress.Add(name);
        var properties = new List<ResponsePropertyModel>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in schema.Properties)
        {
            string propertyPointer = pointer + "/properties/" + SpecParser.Escape(property.Key);
            TypeRef? type = ReadResponseType(name, property.Key, property.Value, propertyPointer);
            if (type is null)
            {
                continue;
            }

            string propertyName = Naming.Member(Naming.Pascal(property.Key), name, Naming.ResponseMembers);
            if (!usedNames.Add(propertyName))
            {
                _context.Report(DiagnosticDescriptors.DuplicateName, propertyPointer, name + "." + propertyName, "another field", "'" + property.Key + "'");
                continue;
            }

            string? expandedName = null;
            bool expandableList = type is { Kind: TypeKind.Array, Item.Kind: TypeKind.Expandable };
            if (type.Kind == TypeKind.Expandable || expandableList)
            {
                expandedName = Naming.Member("Expanded" + propertyName, name, Naming.ResponseMembers);
                if (schema.Properties.Keys.Any(key => Naming.Pascal(key) == expandedName) || !usedNames.Add(expandedName))
                {
                    // No room for the object beside its ID: keep the ID only, and say so with the others.
                    _context.SimplifiedResponseFields.Add(name + "." + property.Key);
                    type = expandableList ? new TypeRef(TypeKind.Array, Item: new TypeRef(TypeKind.String)) : new TypeRef(TypeKind.String);
                    expandedName = null;
                }
            }

            bool required = schema.Required.Contains(property.Key) && !property.Value.Nullable;
            properties.Add(new ResponsePropertyModel(property.Key, propertyName, type, required, DocText.Normalize(property.Value.Description), expandedName));
        }

        _context.ResponsesInProgress.Remove(name);
        if (!_context.TryAddResponse(new ResponseModel(name, DocText.Normalize(schema.Description), properties.ToEquatableArray())))
        {
            _context.Report(DiagnosticDescriptors.DuplicateName, pointer, name, "another generated type", "this response model");
            return null;
        }

        return name;
    }

    private TypeRef? ReadResponseType(string owner, string wireName, OpenApiSchema? schema, string pointer)
    {
        if (!IsResolved(schema, pointer, owner + "." + wireName, "the field"))
        {
            return null;
        }

        if (schema!.AnyOf.Count > 0 || schema.OneOf.Count > 0 || schema.AllOf.Count > 0)
        {
            return ReadResponseUnion(owner, wireName, schema, pointer);
        }

        switch (schema.Type)
        {
            case "string":
                return new TypeRef(TypeKind.String);
            case "integer" or "number" or "boolean":
                return Scalar(schema);
            case "array" when schema.Items is not null:
                TypeRef? item = ReadResponseType(owner, wireName, schema.Items, pointer + "/items");
                if (item is { Kind: TypeKind.Array or TypeKind.StringMap or TypeKind.Map })
                {
                    _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/items", owner + "." + wireName, "a list of lists or maps", "the field");
                    return null;
                }

                // A list of expandable items (an invoice's discounts) reads as their IDs, with the objects beside
                // them when the request expanded the list (see ReadResponse).
                return item is null ? null : new TypeRef(TypeKind.Array, Item: item);
            case "object" when IsFreeFormObject(schema) && schema.AdditionalProperties is { Type: "string" }:
                return new TypeRef(TypeKind.StringMap);
            case "object" when IsObjectMap(schema):
                string? value = ReadResponse(schema.AdditionalProperties, owner + Naming.Pascal(wireName), pointer + "/additionalProperties");
                return value is null ? null : new TypeRef(TypeKind.Map, Item: new TypeRef(TypeKind.Object, value));
            case "object" when IsScalarMap(schema):
                return new TypeRef(TypeKind.Map, Item: Scalar(schema.AdditionalProperties));
            case "object" when schema.Properties.Count > 0:
                string? nested = ReadResponse(schema, owner + Naming.Pascal(wireName), pointer);
                return nested is null ? null : new TypeRef(TypeKind.Object, nested);
            case "object":
                // Any JSON object (an event's data.object, a map of lists): kept whole rather than narrowed.
                return new TypeRef(TypeKind.Json);
            default:
                _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner + "." + wireName, "type '" + (schema.Type ?? "none") + "'", "the field");
                return null;
        }
    }

    /// <summary>
    /// Stripe's response unions: one schema (how the spec marks a nested object nullable) reads as that schema; an
    /// ID string or one object (an expandable field) as <see cref="TypeKind.Expandable"/>. Polymorphic fields (an
    /// ID or one of several objects) are read as the ID string, and ALG0012 lists them.
    /// </summary>
    private TypeRef? ReadResponseUnion(string owner, string wireName, OpenApiSchema schema, string pointer)
    {
        string keyword = schema.AllOf.Count > 0 ? "allOf" : schema.AnyOf.Count > 0 ? "anyOf" : "oneOf";
        IList<OpenApiSchema> variants = schema.AllOf.Count > 0 ? schema.AllOf : schema.AnyOf.Count > 0 ? schema.AnyOf : schema.OneOf;
        bool single = schema.AnyOf.Count + schema.OneOf.Count + schema.AllOf.Count == 1;
        if (single)
        {
            return ReadResponseType(owner, wireName, variants[0], pointer + "/" + keyword + "/0");
        }

        if (schema.AllOf.Count == 0 && ReadUnionResponse(schema, owner + Naming.Pascal(wireName), pointer, out bool orId) is { } union)
        {
            // One of several objects (or the ID of one): read as the wrapper that holds whichever came back.
            var wrapper = new TypeRef(TypeKind.Object, union);
            return orId ? new TypeRef(TypeKind.Expandable, Item: wrapper) : wrapper;
        }

        if (keyword == "anyOf" && schema.OneOf.Count == 0 && schema.AllOf.Count == 0 && variants.Count == 2)
        {
            int id = variants[0] is { Type: "string", Enum.Count: 0 } ? 0 : variants[1] is { Type: "string", Enum.Count: 0 } ? 1 : -1;
            OpenApiSchema? resource = id < 0 ? null : variants[1 - id];
            if (resource is { UnresolvedReference: false, Type: "object" or null, Properties.Count: > 0, AnyOf.Count: 0, OneOf.Count: 0, AllOf.Count: 0 })
            {
                string variantPointer = pointer + "/anyOf/" + (1 - id).ToString(System.Globalization.CultureInfo.InvariantCulture);
                string? expanded = ReadResponse(resource, owner + Naming.Pascal(wireName), variantPointer);
                if (expanded is not null)
                {
                    return new TypeRef(TypeKind.Expandable, Item: new TypeRef(TypeKind.Object, expanded));
                }
            }
        }

        if (variants.All(v => v is { Type: "object" or null }))
        {
            // Objects that no 'object' field tells apart, and no ID among them: kept whole rather than lost.
            return new TypeRef(TypeKind.Json);
        }

        _context.SimplifiedResponseFields.Add(owner + "." + wireName);
        return new TypeRef(TypeKind.String);
    }

    private static string ResponseName(OpenApiSchema schema, string fallbackName)
    {
        if (SearchResultItem(schema) is { } item)
        {
            // Every search returns an envelope titled "SearchResult"; its items' type tells them apart.
            return ResponseName(item, fallbackName) + "SearchResult";
        }

        if (schema.Extensions.TryGetValue(ResourceId, out IOpenApiExtension? id) && id is OpenApiString { Value.Length: > 0 } resourceId)
        {
            return Naming.Pascal(resourceId.Value);
        }

        if (!string.IsNullOrWhiteSpace(schema.Title))
        {
            return Naming.Pascal(schema.Title);
        }

        if (schema.Reference?.Id is { Length: > 0 } referenceId)
        {
            return Naming.Pascal(referenceId);
        }

        return fallbackName;
    }

    private bool IsResolved(OpenApiSchema? schema, string pointer, string owner, string skipped)
    {
        if (schema is null)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, "an empty schema", skipped);
            return false;
        }

        if (!schema.UnresolvedReference)
        {
            return true;
        }

        if (!_context.IsReportedUnresolved(schema.Reference?.ReferenceV3))
        {
            _context.Report(DiagnosticDescriptors.UnresolvedReference, pointer, owner, schema.Reference?.ReferenceV3 ?? "?", skipped);
        }

        return false;
    }

    private static IEnumerable<string[]> StringGroups(IOpenApiExtension extension)
    {
        if (extension is not OpenApiArray groups)
        {
            yield break;
        }

        foreach (IOpenApiAny group in groups)
        {
            if (group is OpenApiArray members)
            {
                yield return members.OfType<OpenApiString>().Select(m => m.Value).ToArray();
            }
        }
    }
}
