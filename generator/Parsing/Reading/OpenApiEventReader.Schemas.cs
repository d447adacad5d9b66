using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>Schemas and the objects only they hold: discriminators and XML hints.</summary>
internal sealed partial class OpenApiEventReader
{
    private OpenApiSchema ReadSchema()
    {
        var schema = new OpenApiSchema();
        string? pointer = null;
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            if (SkippedBeside(pointer))
            {
                continue;
            }

            switch (key)
            {
                case "$ref": pointer = ReadString(); break;
                case "title": schema.Title = ReadString(); break;
                case "multipleOf": schema.MultipleOf = ReadDecimal(); break;
                case "maximum": schema.Maximum = ReadDecimal(); break;
                case "exclusiveMaximum": schema.ExclusiveMaximum = ReadBool(); break;
                case "minimum": schema.Minimum = ReadDecimal(); break;
                case "exclusiveMinimum": schema.ExclusiveMinimum = ReadBool(); break;
                case "maxLength": schema.MaxLength = ReadInt32(); break;
                case "minLength": schema.MinLength = ReadInt32(); break;
                case "pattern": schema.Pattern = ReadString(); break;
                case "maxItems": schema.MaxItems = ReadInt32(); break;
                case "minItems": schema.MinItems = ReadInt32(); break;
                case "uniqueItems": schema.UniqueItems = ReadBool(); break;
                case "maxProperties": schema.MaxProperties = ReadInt32(); break;
                case "minProperties": schema.MinProperties = ReadInt32(); break;
                case "required": schema.Required = new HashSet<string>(ReadList(ReadString)); break;
                case "enum": schema.Enum = ReadList(_events.ReadAny); break;
                case "type": schema.Type = ReadString(); break;
                case "allOf": schema.AllOf = ReadList(ReadSchema); break;
                case "oneOf": schema.OneOf = ReadList(ReadSchema); break;
                case "anyOf": schema.AnyOf = ReadList(ReadSchema); break;
                case "not": schema.Not = ReadSchema(); break;
                case "items": schema.Items = ReadSchema(); break;
                case "properties": schema.Properties = ReadMap(ReadSchema); break;
                case "additionalProperties": ReadAdditionalProperties(schema); break;
                case "description": schema.Description = ReadString(); break;
                case "format": schema.Format = ReadString(); break;
                case "default": schema.Default = _events.ReadAny(); break;
                case "nullable": schema.Nullable = ReadBool(); break;
                case "discriminator": schema.Discriminator = ReadDiscriminator(); break;
                case "readOnly": schema.ReadOnly = ReadBool(); break;
                case "writeOnly": schema.WriteOnly = ReadBool(); break;
                case "xml": schema.Xml = ReadXml(); break;
                case "externalDocs": schema.ExternalDocs = ReadExternalDocs(); break;
                case "example": schema.Example = _events.ReadAny(); break;
                case "deprecated": schema.Deprecated = ReadBool(); break;
                default: ReadExtension(schema, key); break;
            }
        }

        if (pointer is not null)
        {
            return new OpenApiSchema { UnresolvedReference = true, Reference = Reference(pointer, ReferenceType.Schema) };
        }

        // The values written in the schema are typed by the schema itself, once all of it is read.
        schema.Default = TypedBy(schema.Default, schema);
        schema.Example = TypedBy(schema.Example, schema);
        schema.Enum = schema.Enum.Select(value => AnyValues.Typed(value, schema)).ToList();
        return schema;
    }

    /// <summary><c>additionalProperties</c>: a flag, or the schema of the extra properties.</summary>
    private void ReadAdditionalProperties(OpenApiSchema schema)
    {
        if (_events.AtScalar)
        {
            schema.AdditionalPropertiesAllowed = ReadBool();
        }
        else
        {
            schema.AdditionalProperties = ReadSchema();
        }
    }

    private OpenApiDiscriminator ReadDiscriminator()
    {
        var discriminator = new OpenApiDiscriminator();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "propertyName": discriminator.PropertyName = ReadString(); break;
                case "mapping": discriminator.Mapping = ReadMap(ReadString); break;

                // The library knows no extensions here.
                default: throw new LeftToLibraryException();
            }
        }

        return discriminator;
    }

    private OpenApiXml ReadXml()
    {
        var xml = new OpenApiXml();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "name": xml.Name = ReadString(); break;
                case "namespace": xml.Namespace = ReadUri(UriKind.Absolute); break;
                case "prefix": xml.Prefix = ReadString(); break;
                case "attribute": xml.Attribute = ReadBool(); break;
                case "wrapped": xml.Wrapped = ReadBool(); break;
                default: ReadExtension(xml, key); break;
            }
        }

        return xml;
    }

    private static IOpenApiAny? TypedBy(IOpenApiAny? value, OpenApiSchema? schema) =>
        value is null ? null : AnyValues.Typed(value, schema);
}
