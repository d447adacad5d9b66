using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>
/// Reads an OpenAPI 3.0 document straight from SharpYaml's parser events into the OpenAPI library's object model,
/// the same objects the library's reader builds, without the YAML tree, the parse nodes and the per-node bookkeeping
/// that reader keeps in between. For Stripe's whole spec that is most of the time the generator spends.
/// </summary>
/// <remarks>
/// It reads a well-formed document the way the library does, field by field (see <c>OpenApiV3Deserializer</c> in
/// Microsoft.OpenApi.Readers 1.6), and then lets the library resolve the references. Everything else is left to the
/// library's reader, which reads the text again and reports in its own words: a syntax error, a field it does not
/// know, a value of the wrong kind, a duplicate key, a reference it cannot resolve, YAML anchors and tags, another
/// OpenAPI version, and the objects Stripe's specs do not use (callbacks, links, OAuth flows). So the fast read
/// either gives the document the library would give, or nothing; <c>OpenApiEventReaderTests</c> compares the two on
/// every spec at hand.
/// </remarks>
internal sealed partial class OpenApiEventReader
{
    private readonly YamlEvents _events;

    private OpenApiEventReader(string text) => _events = new YamlEvents(text);

    /// <summary>The document, or null when the library's reader has to read the text.</summary>
    public static OpenApiDocument? TryRead(string text)
    {
        try
        {
            var reader = new OpenApiEventReader(text);
            OpenApiDocument document = reader.ReadDocument();
            reader._events.EndDocument();
            return document.ResolveReferences().Any() ? null : document;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // NotFastReadable, or what the library's reader meets too (a YAML syntax error, a value that does not
            // parse): it reads the text and reports it.
            return null;
        }
    }

    private OpenApiDocument ReadDocument()
    {
        var document = new OpenApiDocument();
        string? version = null;
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "openapi": version = Text(); break;
                case "info": document.Info = ReadInfo(); break;
                case "servers": document.Servers = ReadList(ReadServer); break;
                case "paths": document.Paths = ReadPaths(); break;
                case "components": document.Components = ReadComponents(); break;
                case "tags": document.Tags = ReadDocumentTags(); break;
                case "externalDocs": document.ExternalDocs = ReadExternalDocs(); break;
                case "security": document.SecurityRequirements = ReadList(ReadSecurityRequirement); break;
                default: ReadExtension(document, key); break;
            }
        }

        if (version is null || !version.StartsWith("3.0", StringComparison.Ordinal))
        {
            // No 'openapi' field (perhaps Swagger 2.0), or another version: the library tells which.
            throw new NotFastReadable();
        }

        return document;
    }

    private OpenApiInfo ReadInfo()
    {
        var info = new OpenApiInfo();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "title": info.Title = Text(); break;
                case "version": info.Version = Text(); break;
                case "description": info.Description = Text(); break;
                case "termsOfService": info.TermsOfService = Url(); break;
                case "contact": info.Contact = ReadContact(); break;
                case "license": info.License = ReadLicense(); break;
                default: ReadExtension(info, key); break;
            }
        }

        return info;
    }

    private OpenApiContact ReadContact()
    {
        var contact = new OpenApiContact();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "name": contact.Name = Text(); break;
                case "email": contact.Email = Text(); break;
                case "url": contact.Url = Url(); break;
                default: ReadExtension(contact, key); break;
            }
        }

        return contact;
    }

    private OpenApiLicense ReadLicense()
    {
        var license = new OpenApiLicense();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "name": license.Name = Text(); break;
                case "url": license.Url = Url(); break;
                default: ReadExtension(license, key); break;
            }
        }

        return license;
    }

    private OpenApiServer ReadServer()
    {
        var server = new OpenApiServer();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "url": server.Url = Text(); break;
                case "description": server.Description = Text(); break;
                case "variables": server.Variables = ReadMap(ReadServerVariable); break;
                default: ReadExtension(server, key); break;
            }
        }

        return server;
    }

    private OpenApiServerVariable ReadServerVariable()
    {
        var variable = new OpenApiServerVariable();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "enum": variable.Enum = ReadList(Text); break;
                case "default": variable.Default = Text(); break;
                case "description": variable.Description = Text(); break;
                default: ReadExtension(variable, key); break;
            }
        }

        return variable;
    }

    /// <summary>The document's tags, each pointing to itself, as the operations' tags point to them by name.</summary>
    private List<OpenApiTag> ReadDocumentTags()
    {
        List<OpenApiTag> tags = ReadList(ReadTag);
        foreach (OpenApiTag tag in tags)
        {
            tag.Reference = new OpenApiReference { Id = tag.Name, Type = ReferenceType.Tag };
        }

        return tags;
    }

    private OpenApiTag ReadTag()
    {
        var tag = new OpenApiTag();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "name": tag.Name = Text(); break;
                case "description": tag.Description = Text(); break;
                case "externalDocs": tag.ExternalDocs = ReadExternalDocs(); break;
                default: ReadExtension(tag, key); break;
            }
        }

        return tag;
    }

    private OpenApiExternalDocs ReadExternalDocs()
    {
        var docs = new OpenApiExternalDocs();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "description": docs.Description = Text(); break;
                case "url": docs.Url = Url(); break;
                default: ReadExtension(docs, key); break;
            }
        }

        return docs;
    }

    /// <summary>A security requirement: scheme names, each to its list of scopes.</summary>
    private OpenApiSecurityRequirement ReadSecurityRequirement()
    {
        var requirement = new OpenApiSecurityRequirement();
        _events.EnterMapping();
        while (_events.NextKey() is { } name)
        {
            var scheme = new OpenApiSecurityScheme
            {
                UnresolvedReference = true,
                Reference = new OpenApiReference { Id = name, Type = ReferenceType.SecurityScheme },
            };
            requirement.Add(scheme, ReadList(Text));
        }

        return requirement;
    }

    private OpenApiComponents ReadComponents()
    {
        var components = new OpenApiComponents();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "schemas": components.Schemas = ReadComponentMap(ReadSchema, ReferenceType.Schema); break;
                case "responses": components.Responses = ReadComponentMap(ReadResponse, ReferenceType.Response); break;
                case "parameters": components.Parameters = ReadComponentMap(ReadParameter, ReferenceType.Parameter); break;
                case "examples": components.Examples = ReadComponentMap(ReadExample, ReferenceType.Example); break;
                case "requestBodies": components.RequestBodies = ReadComponentMap(ReadRequestBody, ReferenceType.RequestBody); break;
                case "headers": components.Headers = ReadComponentMap(ReadHeader, ReferenceType.Header); break;
                case "securitySchemes": components.SecuritySchemes = ReadComponentMap(ReadSecurityScheme, ReferenceType.SecurityScheme); break;
                case "links" or "callbacks": throw new NotFastReadable();
                default: ReadExtension(components, key); break;
            }
        }

        return components;
    }

    private OpenApiSecurityScheme ReadSecurityScheme()
    {
        var scheme = new OpenApiSecurityScheme();
        string? pointer = null;
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            if (pointer is not null)
            {
                // The library reads nothing else of a reference.
                _events.Skip();
                continue;
            }

            switch (key)
            {
                case "$ref": pointer = Text(); break;
                case "type": scheme.Type = WireEnums.SecuritySchemeType(Text()); break;
                case "description": scheme.Description = Text(); break;
                case "name": scheme.Name = Text(); break;
                case "in": scheme.In = WireEnums.Location(Text()) ?? throw new NotFastReadable(); break;
                case "scheme": scheme.Scheme = Text(); break;
                case "bearerFormat": scheme.BearerFormat = Text(); break;
                case "openIdConnectUrl": scheme.OpenIdConnectUrl = Url(); break;
                case "flows": throw new NotFastReadable();
                default: ReadExtension(scheme, key); break;
            }
        }

        return pointer is null ? scheme : new OpenApiSecurityScheme { UnresolvedReference = true, Reference = Reference(pointer, ReferenceType.SecurityScheme) };
    }

    /// <summary>A map of components, each pointing to itself unless it is a reference to another.</summary>
    private Dictionary<string, T> ReadComponentMap<T>(Func<T> read, ReferenceType type)
        where T : IOpenApiReferenceable
    {
        Dictionary<string, T> components = ReadMap(read);
        foreach (KeyValuePair<string, T> component in components)
        {
            component.Value.Reference ??= new OpenApiReference { Type = type, Id = component.Key };
        }

        return components;
    }

    private List<T> ReadList<T>(Func<T> read)
    {
        var list = new List<T>();
        _events.EnterSequence();
        while (_events.NextItem())
        {
            list.Add(read());
        }

        return list;
    }

    private Dictionary<string, T> ReadMap<T>(Func<T> read)
    {
        var map = new Dictionary<string, T>();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            map.Add(key, read());
        }

        return map;
    }

    /// <summary>An <c>x-</c> field, typed as the library types it; any other unknown field is the library's error.</summary>
    private void ReadExtension(IOpenApiExtensible target, string key)
    {
        if (!key.StartsWith("x-", StringComparison.Ordinal))
        {
            throw new NotFastReadable();
        }

        target.Extensions[key] = AnyValues.Typed(_events.ReadAny());
    }

    private string Text() => _events.ReadScalar();

    private bool Flag() => bool.TryParse(Text(), out bool value) ? value : throw new NotFastReadable();

    private int Count() =>
        int.TryParse(Text(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw new NotFastReadable();

    private decimal Number() =>
        decimal.TryParse(Text(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) ? value : throw new NotFastReadable();

    private Uri Url(UriKind kind = UriKind.RelativeOrAbsolute) => new(Text(), kind);

    /// <summary>
    /// A local reference to a component of the kind the field holds (<c>#/components/schemas/name</c>); any other
    /// (another file, another kind, a path) is left to the library.
    /// </summary>
    private static OpenApiReference Reference(string pointer, ReferenceType type)
    {
        string prefix = "#/components/" + WireEnums.ComponentsKey(type) + "/";
        if (!pointer.StartsWith(prefix, StringComparison.Ordinal)
            || pointer.Length == prefix.Length
            || pointer.IndexOf('/', prefix.Length) >= 0
            || pointer.IndexOf('#', 1) >= 0)
        {
            throw new NotFastReadable();
        }

        return new OpenApiReference { Type = type, Id = pointer.Substring(prefix.Length) };
    }
}
