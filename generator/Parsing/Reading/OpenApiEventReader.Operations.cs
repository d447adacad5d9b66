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
            if (HasPrefix(key, "/"))
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
                case "summary": item.Summary = ReadString(); break;
                case "description": item.Description = ReadString(); break;
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
                case "$ref": throw new LeftToLibraryException();
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
                case "summary": operation.Summary = ReadString(); break;
                case "description": operation.Description = ReadString(); break;
                case "externalDocs": operation.ExternalDocs = ReadExternalDocs(); break;
                case "operationId": operation.OperationId = ReadString(); break;
                case "parameters": operation.Parameters = ReadList(ReadParameter); break;
                case "requestBody": operation.RequestBody = ReadRequestBody(); break;
                case "responses": operation.Responses = ReadResponses(); break;
                case "deprecated": operation.Deprecated = ReadBool(); break;
                case "security": operation.Security = ReadList(ReadSecurityRequirement); break;
                case "servers": operation.Servers = ReadList(ReadServer); break;
                case "callbacks": throw new LeftToLibraryException();
                default: ReadExtension(operation, key); break;
            }
        }

        return operation;
    }

    /// <summary>An operation's tag: a reference by name to one of the document's tags.</summary>
    private OpenApiTag ReadTagName() => new()
    {
        UnresolvedReference = true,
        Reference = new OpenApiReference { Type = ReferenceType.Tag, Id = ReadString() },
    };

    private OpenApiParameter ReadParameter()
    {
        var parameter = new OpenApiParameter();
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
                case "name": parameter.Name = ReadString(); break;
                case "in": parameter.In = WireEnums.Location(ReadString()); break;
                case "description": parameter.Description = ReadString(); break;
                case "required": parameter.Required = ReadBool(); break;
                case "deprecated": parameter.Deprecated = ReadBool(); break;
                case "allowEmptyValue": parameter.AllowEmptyValue = ReadBool(); break;
                case "allowReserved": parameter.AllowReserved = ReadBool(); break;
                case "style": parameter.Style = WireEnums.Style(ReadString()); break;
                case "explode": parameter.Explode = ReadBool(); break;
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
            if (SkippedBeside(pointer))
            {
                continue;
            }

            switch (key)
            {
                case "$ref": pointer = ReadString(); break;
                case "description": body.Description = ReadString(); break;
                case "content": body.Content = ReadMap(ReadMediaType); break;
                case "required": body.Required = ReadBool(); break;
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
                case "contentType": encoding.ContentType = ReadString(); break;
                case "headers": encoding.Headers = ReadMap(ReadHeader); break;
                case "style": encoding.Style = WireEnums.Style(ReadString()); break;
                case "explode": encoding.Explode = ReadBool(); break;
                case "allowReserved": encoding.AllowReserved = ReadBool(); break;
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
            if (HasPrefix(key, "x-"))
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
            if (SkippedBeside(pointer))
            {
                continue;
            }

            switch (key)
            {
                case "$ref": pointer = ReadString(); break;
                case "description": response.Description = ReadString(); break;
                case "headers": response.Headers = ReadMap(ReadHeader); break;
                case "content": response.Content = ReadMap(ReadMediaType); break;
                case "links": throw new LeftToLibraryException();
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
            if (SkippedBeside(pointer))
            {
                continue;
            }

            switch (key)
            {
                case "$ref": pointer = ReadString(); break;
                case "description": header.Description = ReadString(); break;
                case "required": header.Required = ReadBool(); break;
                case "deprecated": header.Deprecated = ReadBool(); break;
                case "allowEmptyValue": header.AllowEmptyValue = ReadBool(); break;
                case "allowReserved": header.AllowReserved = ReadBool(); break;
                case "style": header.Style = WireEnums.Style(ReadString()); break;
                case "explode": header.Explode = ReadBool(); break;
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
            if (SkippedBeside(pointer))
            {
                continue;
            }

            switch (key)
            {
                case "$ref": pointer = ReadString(); break;
                case "summary": example.Summary = ReadString(); break;
                case "description": example.Description = ReadString(); break;
                case "value": example.Value = _events.ReadAny(); break;
                case "externalValue": example.ExternalValue = ReadString(); break;
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
