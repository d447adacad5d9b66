using System.Collections.Generic;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>What the document says of itself: info, servers, tags, external docs and security.</summary>
internal sealed partial class OpenApiEventReader
{
    private OpenApiInfo ReadInfo() => ReadObject<OpenApiInfo>(static (reader, info, key) => reader.InfoField(info, key));

    private void InfoField(OpenApiInfo info, string key)
    {
        switch (key)
        {
            case "title": info.Title = ReadString(); break;
            case "version": info.Version = ReadString(); break;
            case "description": info.Description = ReadString(); break;
            case "termsOfService": info.TermsOfService = ReadUri(); break;
            case "contact": info.Contact = ReadContact(); break;
            case "license": info.License = ReadLicense(); break;
            default: ReadExtension(info, key); break;
        }
    }

    private OpenApiContact ReadContact() => ReadObject<OpenApiContact>(static (reader, contact, key) => reader.ContactField(contact, key));

    private void ContactField(OpenApiContact contact, string key)
    {
        switch (key)
        {
            case "name": contact.Name = ReadString(); break;
            case "email": contact.Email = ReadString(); break;
            case "url": contact.Url = ReadUri(); break;
            default: ReadExtension(contact, key); break;
        }
    }

    private OpenApiLicense ReadLicense() => ReadObject<OpenApiLicense>(static (reader, license, key) => reader.LicenseField(license, key));

    private void LicenseField(OpenApiLicense license, string key)
    {
        switch (key)
        {
            case "name": license.Name = ReadString(); break;
            case "url": license.Url = ReadUri(); break;
            default: ReadExtension(license, key); break;
        }
    }

    private OpenApiServer ReadServer() => ReadObject<OpenApiServer>(static (reader, server, key) => reader.ServerField(server, key));

    private void ServerField(OpenApiServer server, string key)
    {
        switch (key)
        {
            case "url": server.Url = ReadString(); break;
            case "description": server.Description = ReadString(); break;
            case "variables": server.Variables = ReadMap(ReadServerVariable); break;
            default: ReadExtension(server, key); break;
        }
    }

    private OpenApiServerVariable ReadServerVariable() => ReadObject<OpenApiServerVariable>(static (reader, variable, key) => reader.ServerVariableField(variable, key));

    private void ServerVariableField(OpenApiServerVariable variable, string key)
    {
        switch (key)
        {
            case "enum": variable.Enum = ReadList(ReadString); break;
            case "default": variable.Default = ReadString(); break;
            case "description": variable.Description = ReadString(); break;
            default: ReadExtension(variable, key); break;
        }
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

    private OpenApiTag ReadTag() => ReadObject<OpenApiTag>(static (reader, tag, key) => reader.TagField(tag, key));

    private void TagField(OpenApiTag tag, string key)
    {
        switch (key)
        {
            case "name": tag.Name = ReadString(); break;
            case "description": tag.Description = ReadString(); break;
            case "externalDocs": tag.ExternalDocs = ReadExternalDocs(); break;
            default: ReadExtension(tag, key); break;
        }
    }

    private OpenApiExternalDocs ReadExternalDocs() => ReadObject<OpenApiExternalDocs>(static (reader, docs, key) => reader.ExternalDocsField(docs, key));

    private void ExternalDocsField(OpenApiExternalDocs docs, string key)
    {
        switch (key)
        {
            case "description": docs.Description = ReadString(); break;
            case "url": docs.Url = ReadUri(); break;
            default: ReadExtension(docs, key); break;
        }
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
            requirement.Add(scheme, ReadList(ReadString));
        }

        return requirement;
    }

    private OpenApiSecurityScheme ReadSecurityScheme() =>
        ReadReferenceable<OpenApiSecurityScheme>(ReferenceType.SecurityScheme, static (reader, scheme, key) => reader.SecuritySchemeField(scheme, key));

    private void SecuritySchemeField(OpenApiSecurityScheme scheme, string key)
    {
        switch (key)
        {
            case "type": scheme.Type = WireEnums.SchemeType(ReadString()); break;
            case "description": scheme.Description = ReadString(); break;
            case "name": scheme.Name = ReadString(); break;
            case "in": scheme.In = WireEnums.Location(ReadString()) ?? throw new LeftToLibraryException(); break;
            case "scheme": scheme.Scheme = ReadString(); break;
            case "bearerFormat": scheme.BearerFormat = ReadString(); break;
            case "openIdConnectUrl": scheme.OpenIdConnectUrl = ReadUri(); break;
            case "flows": throw new LeftToLibraryException();
            default: ReadExtension(scheme, key); break;
        }
    }
}
