using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Reads one operation: its names (<see cref="Naming"/>), its path parameters, what it takes (a form
/// body, or query parameters sent as the query string) and the response model it returns.
/// </summary>
internal sealed class OperationReader
{
    private static readonly Regex PathParameter = new(@"\{([^}]+)\}", RegexOptions.CultureInvariant);

    private readonly RequestReader _requests;
    private readonly ResponseReader _responses;
    private readonly ReferenceResolver _references;
    private readonly ParseDiagnostics _diagnostics;
    private readonly OperationNamer _namer;

    // Each service method by its name and number of path parameters ("AccountService.GetAsync/1": overloads differ
    // in those), and the operationId that has it.
    private readonly Dictionary<string, string> _methodNames = new(StringComparer.Ordinal);

    public OperationReader(OperationNamer namer, RequestReader requests, ResponseReader responses, ReferenceResolver references, ParseDiagnostics diagnostics)
    {
        _namer = namer;
        _requests = requests;
        _responses = responses;
        _references = references;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Reads one operation; null when it is skipped, for a reason reported (a shape it cannot send or read, or a
    /// service method another operation already has).
    /// </summary>
    public OperationModel? Read(string path, OperationType type, OpenApiOperation operation, OpenApiPathItem pathItem)
    {
        string pointer = "#/paths/" + JsonPointer.Escape(path) + "/" + type.ToString().ToLowerInvariant();
        OperationModel? model = ReadOperation(path, type, operation, pathItem, pointer);
        if (model is null)
        {
            return null;
        }

        string key = MethodKey(model.ServiceName, model.MethodName, model.PathParameters.Count);
        if (_methodNames.TryGetValue(key, out string? first))
        {
            _diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, model.ServiceName + "." + model.MethodName, first, model.OperationId);
            return null;
        }

        _methodNames.Add(key, model.OperationId);
        return model;
    }

    private OperationModel? ReadOperation(string path, OperationType type, OpenApiOperation operation, OpenApiPathItem pathItem, string pointer)
    {
        string method = type.ToString().ToUpperInvariant();
        string operationId = string.IsNullOrEmpty(operation.OperationId) ? method + " " + path : operation.OperationId;
        var pathParameters = new List<PathParameterModel>();
        var queryParameters = new List<OpenApiParameter>();
        foreach (OpenApiParameter? parameter in (pathItem.Parameters ?? new List<OpenApiParameter>()).Concat(operation.Parameters ?? new List<OpenApiParameter>()))
        {
            if (parameter?.Name is null)
            {
                continue;
            }

            if (parameter.In == ParameterLocation.Path)
            {
                pathParameters.Add(new PathParameterModel(parameter.Name, Naming.Parameter(parameter.Name)));
            }
            else if (parameter.In == ParameterLocation.Query)
            {
                queryParameters.Add(parameter);
            }
        }

        foreach (Match match in PathParameter.Matches(path))
        {
            string wireName = match.Groups[1].Value;
            if (!pathParameters.Any(p => p.WireName == wireName))
            {
                pathParameters.Add(new PathParameterModel(wireName, Naming.Parameter(wireName)));
            }
        }

        OperationName name = _namer.Name(method, path);
        string resource = name.Resource;
        string verb = name.Verb;
        string optionsVerb = name.OptionsVerb;
        if (_methodNames.ContainsKey(MethodKey(Naming.Service(resource), Naming.ServiceMethod(verb), pathParameters.Count)) && !string.IsNullOrEmpty(operation.OperationId))
        {
            // Two paths the rules give one name (an alias of a path, say): the later one is named after its
            // operationId, which the spec keeps unique.
            verb = optionsVerb = Naming.Pascal(operation.OperationId);
        }

        string optionsName = _namer.TakesOwnOptionsName(path, type) ? Naming.OwnOptionsClass(resource, optionsVerb) : Naming.OptionsClass(resource, optionsVerb);
        var scope = new RequestScope(resource, optionsVerb);

        string? host = StripeConventions.OperationHost(operation);
        if (host is not null and not StripeConventions.ApiHost and not StripeConventions.FilesHost)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/servers/0/url", operationId, "a server at '" + host + "', which the client has no base address for", "the operation");
            return null;
        }

        OptionsBuild? options = null;
        PropertyModel? file = null;
        OpenApiMediaType? form = null;
        OpenApiMediaType? multipart = null;
        bool hasForm = operation.RequestBody?.Content is { } content
            && content.TryGetValue("application/x-www-form-urlencoded", out form)
            && form?.Schema is not null;

        // Stripe's spec gives every GET (and some DELETEs) a form body with no parameters beside its query
        // parameters: those are what the operation takes, sent as the query string.
        if (queryParameters.Count > 0 && (hasForm ? form!.Schema!.Properties.Count == 0 : operation.RequestBody?.Content is not { Count: > 0 }))
        {
            options = _requests.ReadQuery(optionsName, scope, queryParameters, pointer + "/parameters", operation.Description);
            if (options is null)
            {
                return null;
            }
        }
        else if (hasForm)
        {
            if (queryParameters.Count > 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/parameters", operationId, "query parameters beside a form body with parameters", "its query parameters");
            }

            options = _requests.ReadForm(optionsName, scope, form!.Schema!, pointer + "/requestBody/content/application~1x-www-form-urlencoded/schema", operation.Description);
            if (options is null)
            {
                return null;
            }
        }
        else if (operation.RequestBody?.Content is { } parts && parts.TryGetValue(StripeConventions.MultipartContentType, out multipart) && multipart?.Schema is not null)
        {
            if (queryParameters.Count > 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/parameters", operationId, "query parameters beside a multipart body", "its query parameters");
            }

            if (_requests.ReadMultipart(optionsName, scope, multipart.Schema, pointer + "/requestBody/content/multipart~1form-data/schema", operation.Description) is not { } upload)
            {
                return null;
            }

            (options, file) = upload;
        }
        else if (operation.RequestBody?.Content is { Count: > 0 } other)
        {
            // A form or multipart body whose schema is missing is a body of a sendable type that says nothing.
            string shape = other.TryGetValue("application/x-www-form-urlencoded", out OpenApiMediaType? media) || other.TryGetValue(StripeConventions.MultipartContentType, out media)
                ? "request body of type " + other.Keys.First(k => other[k] == media) + " with no schema"
                : "request body of type " + other.Keys.First() + "; only form and multipart bodies are sent";
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/requestBody", operationId, shape, "the operation");
            return null;
        }

        bool download = IsDownload(operation);
        TypeRef? responseType = download ? new TypeRef(TypeKind.Binary) : ReadResponse(operation, pointer, Naming.OperationResponseClass(resource, verb));
        if (responseType is null)
        {
            return null;
        }

        return new OperationModel(
            operationId,
            method,
            Naming.Pascal(method.ToLowerInvariant()),
            path,
            Naming.Service(resource),
            new OperationNames(
                Naming.ServiceMethod(verb),
                Naming.ServiceMethodWithResponse(verb),
                Naming.SyncServiceMethod(verb),
                Naming.SyncServiceMethodWithResponse(verb),
                Naming.OperationCallClass(operationId)),
            pathParameters.ToEquatableArray(),
            PathParts(path),
            options?.Name,
            options?.HasRequired ?? false,
            responseType,
            DocText.Normalize(operation.Description ?? operation.Summary),
            file is not null ? new BodyModel(BodyKind.Multipart, new UploadModel(file.WireName, file.Name, file.FileNameMember!, file.ContentTypeMember!))
                : options is not null ? BodyModel.Form
                : BodyModel.None,
            download ? SuccessKind.Stream : responseType.Kind is TypeKind.List or TypeKind.SearchResult ? SuccessKind.Page : SuccessKind.Model,
            StripeConventions.ServedFromFiles(host, download) ? OperationServer.Files : OperationServer.Api,
            Location: name.Location);
    }

    /// <summary>Whether the success body is a file and nothing else (a quote's PDF): every media type of it a binary string.</summary>
    private static bool IsDownload(OpenApiOperation operation)
    {
        OpenApiResponse? success = Success(operation, out _);
        return success?.Content is { Count: > 0 } content
            && !content.ContainsKey(StripeConventions.JsonContentType)
            && content.Values.All(media => StripeConventions.IsBinary(media?.Schema));
    }

    private static OpenApiResponse? Success(OpenApiOperation operation, out string status)
    {
        status = "200";
        foreach (var response in operation.Responses ?? new OpenApiResponses())
        {
            if (response.Key.StartsWith("2", StringComparison.Ordinal))
            {
                status = response.Key;
                return response.Value;
            }
        }

        return null;
    }

    private TypeRef? ReadResponse(OpenApiOperation operation, string pointer, string fallbackName)
    {
        OpenApiResponse? success = Success(operation, out string status);

        string responsePointer = pointer + "/responses/" + status;
        if (success?.Content is not null && success.Content.TryGetValue("application/json", out OpenApiMediaType? found) && found?.Schema is null && _references.HasUnresolvedReferences)
        {
            // Its $ref did not resolve: ALG0003 already says where.
            return null;
        }

        if (success?.Content is null || !success.Content.TryGetValue("application/json", out OpenApiMediaType? json) || json?.Schema is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, responsePointer, operation.OperationId ?? pointer, "no application/json success response, nor one that is only a file (format: binary)", "the operation");
            return null;
        }

        return _responses.ReadOperationResponse(json!.Schema!, fallbackName, responsePointer + "/content/application~1json/schema");
    }

    private static string MethodKey(string service, string method, int pathParameters) =>
        service + "." + method + "/" + Naming.Invariant(pathParameters);

    /// <summary>The path split into literal text and <c>{parameters}</c>, each parameter by its C# name.</summary>
    private static EquatableArray<PathPart> PathParts(string path)
    {
        var parts = new List<PathPart>();
        int position = 0;
        foreach (Match match in PathParameter.Matches(path))
        {
            if (match.Index > position)
            {
                parts.Add(new PathPart(path.Substring(position, match.Index - position), IsParameter: false));
            }

            parts.Add(new PathPart(Naming.Parameter(match.Groups[1].Value), IsParameter: true));
            position = match.Index + match.Length;
        }

        if (position < path.Length)
        {
            parts.Add(new PathPart(path.Substring(position), IsParameter: false));
        }

        return parts.ToEquatableArray();
    }
}
