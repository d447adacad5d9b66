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
        OpenApiSchema schema = ReadReferenceable<OpenApiSchema>(ReferenceType.Schema, static (reader, schema, key) => reader.SchemaField(schema, key));
        if (!schema.UnresolvedReference)
        {
            // The values written in the schema are typed by the schema itself, once all of it is read.
            schema.Default = TypedBy(schema.Default, schema);
            schema.Example = TypedBy(schema.Example, schema);
            schema.Enum = schema.Enum.Select(value => AnyValues.Typed(value, schema)).ToList();
        }

        return schema;
    }

    private void SchemaField(OpenApiSchema schema, string key)
    {
        switch (key)
        {
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

    private OpenApiDiscriminator ReadDiscriminator() => ReadObject<OpenApiDiscriminator>(static (reader, discriminator, key) => reader.DiscriminatorField(discriminator, key));

    private void DiscriminatorField(OpenApiDiscriminator discriminator, string key)
    {
        switch (key)
        {
            case "propertyName": discriminator.PropertyName = ReadString(); break;
            case "mapping": discriminator.Mapping = ReadMap(ReadString); break;

            // The library knows no extensions here.
            default: throw new LeftToLibraryException();
        }
    }

    private OpenApiXml ReadXml() => ReadObject<OpenApiXml>(static (reader, xml, key) => reader.XmlField(xml, key));

    private void XmlField(OpenApiXml xml, string key)
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

    private static IOpenApiAny? TypedBy(IOpenApiAny? value, OpenApiSchema? schema) =>
        value is null ? null : AnyValues.Typed(value, schema);
}
