using System.Collections.Generic;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>Paths, operations and what they carry: parameters, bodies, media types, responses, headers, examples.</summary>
internal sealed partial class OpenApiEventReader
{
    private OpenApiPaths ReadPaths() => ReadObject<OpenApiPaths>(static (reader, paths, key) => reader.PathsField(paths, key));

    private void PathsField(OpenApiPaths paths, string key)
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

    private OpenApiPathItem ReadPathItem() => ReadObject<OpenApiPathItem>(static (reader, item, key) => reader.PathItemField(item, key));

    private void PathItemField(OpenApiPathItem item, string key)
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

    private OpenApiOperation ReadOperation() => ReadObject<OpenApiOperation>(static (reader, operation, key) => reader.OperationField(operation, key));

    private void OperationField(OpenApiOperation operation, string key)
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

    /// <summary>An operation's tag: a reference by name to one of the document's tags.</summary>
    private OpenApiTag ReadTagName() => new()
    {
        UnresolvedReference = true,
        Reference = new OpenApiReference { Type = ReferenceType.Tag, Id = ReadString() },
    };

    private OpenApiParameter ReadParameter()
    {
        OpenApiParameter parameter = ReadReferenceable<OpenApiParameter>(ReferenceType.Parameter, static (reader, parameter, key) => reader.ParameterField(parameter, key));
        if (!parameter.UnresolvedReference)
        {
            // Examples are typed by the parameter's schema once it is known, as the library does.
            parameter.Example = TypedBy(parameter.Example, parameter.Schema);
            TypeExamples(parameter.Examples, parameter.Schema);
        }

        return parameter;
    }

    private void ParameterField(OpenApiParameter parameter, string key)
    {
        switch (key)
        {
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

    private OpenApiRequestBody ReadRequestBody() =>
        ReadReferenceable<OpenApiRequestBody>(ReferenceType.RequestBody, static (reader, body, key) => reader.RequestBodyField(body, key));

    private void RequestBodyField(OpenApiRequestBody body, string key)
    {
        switch (key)
        {
            case "description": body.Description = ReadString(); break;
            case "content": body.Content = ReadMap(ReadMediaType); break;
            case "required": body.Required = ReadBool(); break;
            default: ReadExtension(body, key); break;
        }
    }

    private OpenApiMediaType ReadMediaType()
    {
        OpenApiMediaType mediaType = ReadObject<OpenApiMediaType>(static (reader, mediaType, key) => reader.MediaTypeField(mediaType, key));
        mediaType.Example = TypedBy(mediaType.Example, mediaType.Schema);
        TypeExamples(mediaType.Examples, mediaType.Schema);
        return mediaType;
    }

    private void MediaTypeField(OpenApiMediaType mediaType, string key)
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

    private OpenApiEncoding ReadEncoding() => ReadObject<OpenApiEncoding>(static (reader, encoding, key) => reader.EncodingField(encoding, key));

    private void EncodingField(OpenApiEncoding encoding, string key)
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

    private OpenApiResponses ReadResponses() => ReadObject<OpenApiResponses>(static (reader, responses, key) => reader.ResponsesField(responses, key));

    private void ResponsesField(OpenApiResponses responses, string key)
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

    private OpenApiResponse ReadResponse() =>
        ReadReferenceable<OpenApiResponse>(ReferenceType.Response, static (reader, response, key) => reader.ResponseField(response, key));

    private void ResponseField(OpenApiResponse response, string key)
    {
        switch (key)
        {
            case "description": response.Description = ReadString(); break;
            case "headers": response.Headers = ReadMap(ReadHeader); break;
            case "content": response.Content = ReadMap(ReadMediaType); break;
            case "links": throw new LeftToLibraryException();
            default: ReadExtension(response, key); break;
        }
    }

    /// <summary>A header; unlike a parameter's, its examples stay as written (the library does not type them).</summary>
    private OpenApiHeader ReadHeader() =>
        ReadReferenceable<OpenApiHeader>(ReferenceType.Header, static (reader, header, key) => reader.HeaderField(header, key));

    private void HeaderField(OpenApiHeader header, string key)
    {
        switch (key)
        {
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

    /// <summary>An example; its value stays as written until a parameter or media type types it.</summary>
    private OpenApiExample ReadExample() =>
        ReadReferenceable<OpenApiExample>(ReferenceType.Example, static (reader, example, key) => reader.ExampleField(example, key));

    private void ExampleField(OpenApiExample example, string key)
    {
        switch (key)
        {
            case "summary": example.Summary = ReadString(); break;
            case "description": example.Description = ReadString(); break;
            case "value": example.Value = _events.ReadAny(); break;
            case "externalValue": example.ExternalValue = ReadString(); break;
            default: ReadExtension(example, key); break;
        }
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
