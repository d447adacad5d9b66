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
            if (pointer is not null)
            {
                _events.Skip();
                continue;
            }

            switch (key)
            {
                case "$ref": pointer = Text(); break;
                case "title": schema.Title = Text(); break;
                case "multipleOf": schema.MultipleOf = Number(); break;
                case "maximum": schema.Maximum = Number(); break;
                case "exclusiveMaximum": schema.ExclusiveMaximum = Flag(); break;
                case "minimum": schema.Minimum = Number(); break;
                case "exclusiveMinimum": schema.ExclusiveMinimum = Flag(); break;
                case "maxLength": schema.MaxLength = Count(); break;
                case "minLength": schema.MinLength = Count(); break;
                case "pattern": schema.Pattern = Text(); break;
                case "maxItems": schema.MaxItems = Count(); break;
                case "minItems": schema.MinItems = Count(); break;
                case "uniqueItems": schema.UniqueItems = Flag(); break;
                case "maxProperties": schema.MaxProperties = Count(); break;
                case "minProperties": schema.MinProperties = Count(); break;
                case "required": schema.Required = new HashSet<string>(ReadList(Text)); break;
                case "enum": schema.Enum = ReadList(_events.ReadAny); break;
                case "type": schema.Type = Text(); break;
                case "allOf": schema.AllOf = ReadList(ReadSchema); break;
                case "oneOf": schema.OneOf = ReadList(ReadSchema); break;
                case "anyOf": schema.AnyOf = ReadList(ReadSchema); break;
                case "not": schema.Not = ReadSchema(); break;
                case "items": schema.Items = ReadSchema(); break;
                case "properties": schema.Properties = ReadMap(ReadSchema); break;
                case "additionalProperties": ReadAdditionalProperties(schema); break;
                case "description": schema.Description = Text(); break;
                case "format": schema.Format = Text(); break;
                case "default": schema.Default = _events.ReadAny(); break;
                case "nullable": schema.Nullable = Flag(); break;
                case "discriminator": schema.Discriminator = ReadDiscriminator(); break;
                case "readOnly": schema.ReadOnly = Flag(); break;
                case "writeOnly": schema.WriteOnly = Flag(); break;
                case "xml": schema.Xml = ReadXml(); break;
                case "externalDocs": schema.ExternalDocs = ReadExternalDocs(); break;
                case "example": schema.Example = _events.ReadAny(); break;
                case "deprecated": schema.Deprecated = Flag(); break;
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
            schema.AdditionalPropertiesAllowed = Flag();
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
                case "propertyName": discriminator.PropertyName = Text(); break;
                case "mapping": discriminator.Mapping = ReadMap(Text); break;

                // The library knows no extensions here.
                default: throw new NotFastReadable();
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
                case "name": xml.Name = Text(); break;
                case "namespace": xml.Namespace = Url(UriKind.Absolute); break;
                case "prefix": xml.Prefix = Text(); break;
                case "attribute": xml.Attribute = Flag(); break;
                case "wrapped": xml.Wrapped = Flag(); break;
                default: ReadExtension(xml, key); break;
            }
        }

        return xml;
    }

    private static IOpenApiAny? TypedBy(IOpenApiAny? value, OpenApiSchema? schema) =>
        value is null ? null : AnyValues.Typed(value, schema);
}
