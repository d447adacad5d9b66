using System.Collections.Generic;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>Paths, operations and what they carry: parameters, bodies, media types, responses, headers, examples.</summary>
internal sealed partial class OpenApiEventReader
{
    private OpenApiPaths ReadPaths()
    {
        var paths = new OpenApiPaths();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            if (key.StartsWith("/", System.StringComparison.Ordinal))
            {
                paths.Add(key, ReadPathItem());
            }
            else
            {
                ReadExtension(paths, key);
            }
        }

        return paths;
    }

    private OpenApiPathItem ReadPathItem()
    {
        var item = new OpenApiPathItem();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "summary": item.Summary = Text(); break;
                case "description": item.Description = Text(); break;
                case "get": item.AddOperation(OperationType.Get, ReadOperation()); break;
                case "put": item.AddOperation(OperationType.Put, ReadOperation()); break;
                case "post": item.AddOperation(OperationType.Post, ReadOperation()); break;
                case "delete": item.AddOperation(OperationType.Delete, ReadOperation()); break;
                case "options": item.AddOperation(OperationType.Options, ReadOperation()); break;
                case "head": item.AddOperation(OperationType.Head, ReadOperation()); break;
                case "patch": item.AddOperation(OperationType.Patch, ReadOperation()); break;
                case "trace": item.AddOperation(OperationType.Trace, ReadOperation()); break;
                case "servers": item.Servers = ReadList(ReadServer); break;
                case "parameters": item.Parameters = ReadList(ReadParameter); break;
                case "$ref": throw new NotFastReadable();
                default: ReadExtension(item, key); break;
            }
        }

        return item;
    }

    private OpenApiOperation ReadOperation()
    {
        var operation = new OpenApiOperation();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "tags": operation.Tags = ReadList(ReadTagName); break;
                case "summary": operation.Summary = Text(); break;
                case "description": operation.Description = Text(); break;
                case "externalDocs": operation.ExternalDocs = ReadExternalDocs(); break;
                case "operationId": operation.OperationId = Text(); break;
                case "parameters": operation.Parameters = ReadList(ReadParameter); break;
                case "requestBody": operation.RequestBody = ReadRequestBody(); break;
                case "responses": operation.Responses = ReadResponses(); break;
                case "deprecated": operation.Deprecated = Flag(); break;
                case "security": operation.Security = ReadList(ReadSecurityRequirement); break;
                case "servers": operation.Servers = ReadList(ReadServer); break;
                case "callbacks": throw new NotFastReadable();
                default: ReadExtension(operation, key); break;
            }
        }

        return operation;
    }

    /// <summary>An operation's tag: a reference by name to one of the document's tags.</summary>
    private OpenApiTag ReadTagName() => new()
    {
        UnresolvedReference = true,
        Reference = new OpenApiReference { Type = ReferenceType.Tag, Id = Text() },
    };

    private OpenApiParameter ReadParameter()
    {
        var parameter = new OpenApiParameter();
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
                case "name": parameter.Name = Text(); break;
                case "in": parameter.In = WireEnums.Location(Text()); break;
                case "description": parameter.Description = Text(); break;
                case "required": parameter.Required = Flag(); break;
                case "deprecated": parameter.Deprecated = Flag(); break;
                case "allowEmptyValue": parameter.AllowEmptyValue = Flag(); break;
                case "allowReserved": parameter.AllowReserved = Flag(); break;
                case "style": parameter.Style = WireEnums.Style(Text()); break;
                case "explode": parameter.Explode = Flag(); break;
                case "schema": parameter.Schema = ReadSchema(); break;
                case "content": parameter.Content = ReadMap(ReadMediaType); break;
                case "examples": parameter.Examples = ReadMap(ReadExample); break;
                case "example": parameter.Example = _events.ReadAny(); break;
                default: ReadExtension(parameter, key); break;
            }
        }

        if (pointer is not null)
        {
            return new OpenApiParameter { UnresolvedReference = true, Reference = Reference(pointer, ReferenceType.Parameter) };
        }

        // Examples are typed by the parameter's schema once it is known, as the library does.
        parameter.Example = TypedBy(parameter.Example, parameter.Schema);
        TypeExamples(parameter.Examples, parameter.Schema);
        return parameter;
    }

    private OpenApiRequestBody ReadRequestBody()
    {
        var body = new OpenApiRequestBody();
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
                case "description": body.Description = Text(); break;
                case "content": body.Content = ReadMap(ReadMediaType); break;
                case "required": body.Required = Flag(); break;
                default: ReadExtension(body, key); break;
            }
        }

        return pointer is null ? body : new OpenApiRequestBody { UnresolvedReference = true, Reference = Reference(pointer, ReferenceType.RequestBody) };
    }

    private OpenApiMediaType ReadMediaType()
    {
        var mediaType = new OpenApiMediaType();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "schema": mediaType.Schema = ReadSchema(); break;
                case "examples": mediaType.Examples = ReadMap(ReadExample); break;
                case "example": mediaType.Example = _events.ReadAny(); break;
                case "encoding": mediaType.Encoding = ReadMap(ReadEncoding); break;
                default: ReadExtension(mediaType, key); break;
            }
        }

        mediaType.Example = TypedBy(mediaType.Example, mediaType.Schema);
        TypeExamples(mediaType.Examples, mediaType.Schema);
        return mediaType;
    }

    private OpenApiEncoding ReadEncoding()
    {
        var encoding = new OpenApiEncoding();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "contentType": encoding.ContentType = Text(); break;
                case "headers": encoding.Headers = ReadMap(ReadHeader); break;
                case "style": encoding.Style = WireEnums.Style(Text()); break;
                case "explode": encoding.Explode = Flag(); break;
                case "allowReserved": encoding.AllowReserved = Flag(); break;
                default: ReadExtension(encoding, key); break;
            }
        }

        return encoding;
    }

    private OpenApiResponses ReadResponses()
    {
        var responses = new OpenApiResponses();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            if (key.StartsWith("x-", System.StringComparison.Ordinal))
            {
                ReadExtension(responses, key);
            }
            else
            {
                responses.Add(key, ReadResponse());
            }
        }

        return responses;
    }

    private OpenApiResponse ReadResponse()
    {
        var response = new OpenApiResponse();
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
                case "description": response.Description = Text(); break;
                case "headers": response.Headers = ReadMap(ReadHeader); break;
                case "content": response.Content = ReadMap(ReadMediaType); break;
                case "links": throw new NotFastReadable();
                default: ReadExtension(response, key); break;
            }
        }

        return pointer is null ? response : new OpenApiResponse { UnresolvedReference = true, Reference = Reference(pointer, ReferenceType.Response) };
    }

    /// <summary>A header; unlike a parameter's, its examples stay as written (the library does not type them).</summary>
    private OpenApiHeader ReadHeader()
    {
        var header = new OpenApiHeader();
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
                case "description": header.Description = Text(); break;
                case "required": header.Required = Flag(); break;
                case "deprecated": header.Deprecated = Flag(); break;
                case "allowEmptyValue": header.AllowEmptyValue = Flag(); break;
                case "allowReserved": header.AllowReserved = Flag(); break;
                case "style": header.Style = WireEnums.Style(Text()); break;
                case "explode": header.Explode = Flag(); break;
                case "content": header.Content = ReadMap(ReadMediaType); break;
                case "schema": header.Schema = ReadSchema(); break;
                case "examples": header.Examples = ReadMap(ReadExample); break;
                case "example": header.Example = _events.ReadAny(); break;
                default: ReadExtension(header, key); break;
            }
        }

        return pointer is null ? header : new OpenApiHeader { UnresolvedReference = true, Reference = Reference(pointer, ReferenceType.Header) };
    }

    /// <summary>An example; its value stays as written until a parameter or media type types it.</summary>
    private OpenApiExample ReadExample()
    {
        var example = new OpenApiExample();
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
                case "summary": example.Summary = Text(); break;
                case "description": example.Description = Text(); break;
                case "value": example.Value = _events.ReadAny(); break;
                case "externalValue": example.ExternalValue = Text(); break;
                default: ReadExtension(example, key); break;
            }
        }

        return pointer is null ? example : new OpenApiExample { UnresolvedReference = true, Reference = Reference(pointer, ReferenceType.Example) };
    }

    private static void TypeExamples(IDictionary<string, OpenApiExample>? examples, OpenApiSchema? schema)
    {
        if (examples is null)
        {
            return;
        }

        foreach (OpenApiExample example in examples.Values)
        {
            if (example is not null)
            {
                example.Value = TypedBy(example.Value, schema);
            }
        }
    }
}
