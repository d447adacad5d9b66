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
internal static class OperationReader
{
    private static readonly Regex PathParameter = new(@"\{([^}]+)\}", RegexOptions.CultureInvariant);

    public static OperationModel? Read(
        string path,
        string method,
        OpenApiOperation operation,
        OpenApiPathItem pathItem,
        string pointer,
        HashSet<string> collections,
        Dictionary<string, string> methodNames,
        RequestReader requests,
        ResponseReader responses,
        ParseContext context)
    {
        string operationId = string.IsNullOrEmpty(operation.OperationId) ? method + " " + path : operation.OperationId;
        bool action = Naming.EndsWithAction(path, collections.Contains(path));
        string resource = Naming.Resource(path, action);
        string verb = Naming.Verb(method, path, action);
        if (methodNames.ContainsKey(Naming.Service(resource) + "." + Naming.ServiceMethod(verb)) && !string.IsNullOrEmpty(operation.OperationId))
        {
            // Two paths with one resource and verb (GET /v1/account and GET /v1/accounts): the later one is named
            // after its operationId, which the spec keeps unique.
            verb = Naming.Pascal(operation.OperationId);
        }

        string optionsName = Naming.OptionsClass(resource, verb);
        var scope = new RequestScope(resource, verb);

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
            string name = match.Groups[1].Value;
            if (!pathParameters.Any(p => p.WireName == name))
            {
                pathParameters.Add(new PathParameterModel(name, Naming.Parameter(name)));
            }
        }

        OptionsBuild? options = null;
        OpenApiMediaType? form = null;
        bool hasForm = operation.RequestBody?.Content is { } content
            && content.TryGetValue("application/x-www-form-urlencoded", out form)
            && form?.Schema is not null;

        // Stripe's spec gives every GET (and some DELETEs) a form body with no parameters beside its query
        // parameters: those are what the operation takes, sent as the query string.
        if (queryParameters.Count > 0 && (hasForm ? form!.Schema!.Properties.Count == 0 : operation.RequestBody?.Content is not { Count: > 0 }))
        {
            options = requests.ReadQuery(optionsName, scope, queryParameters, pointer + "/parameters", operation.Description);
            if (options is null)
            {
                return null;
            }
        }
        else if (hasForm)
        {
            if (queryParameters.Count > 0)
            {
                context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/parameters", operationId, "query parameters beside a form body with parameters", "its query parameters");
            }

            options = requests.ReadForm(optionsName, scope, form!.Schema!, pointer + "/requestBody/content/application~1x-www-form-urlencoded/schema", operation.Description);
            if (options is null)
            {
                return null;
            }
        }
        else if (operation.RequestBody?.Content is { Count: > 0 } other)
        {
            context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/requestBody", operationId, "request body of type " + other.Keys.First() + "; only form bodies are sent", "the operation");
            return null;
        }

        string? responseType = ReadResponse(operation, pointer, resource, verb, responses, context);
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
            Naming.ServiceMethod(verb),
            Naming.ServiceMethodWithResponse(verb),
            pathParameters.ToEquatableArray(),
            PathParts(path),
            options?.Name,
            options?.HasRequired ?? false,
            responseType,
            DocText.Normalize(operation.Description ?? operation.Summary));
    }

    private static string? ReadResponse(OpenApiOperation operation, string pointer, string resource, string verb, ResponseReader responses, ParseContext context)
    {
        OpenApiResponse? success = null;
        string status = "200";
        foreach (var response in operation.Responses ?? new OpenApiResponses())
        {
            if (response.Key.StartsWith("2", StringComparison.Ordinal))
            {
                success = response.Value;
                status = response.Key;
                break;
            }
        }

        string responsePointer = pointer + "/responses/" + status;
        if (success?.Content is not null && success.Content.TryGetValue("application/json", out OpenApiMediaType? found) && found?.Schema is null && context.HasUnresolvedReferences)
        {
            // Its $ref did not resolve: ALG0003 already says where.
            return null;
        }

        if (success?.Content is null || !success.Content.TryGetValue("application/json", out OpenApiMediaType? json) || json?.Schema is null)
        {
            context.Report(DiagnosticDescriptors.UnsupportedSchema, responsePointer, operation.OperationId ?? pointer, "no application/json success response", "the operation");
            return null;
        }

        return responses.Read(json!.Schema!, resource + verb + "Response", responsePointer + "/content/application~1json/schema");
    }

    /// <summary>Paths that are collections: listed with GET, or with items below them (<c>path/{id}</c>).</summary>
    public static HashSet<string> CollectionPaths(OpenApiDocument document)
    {
        var collections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.Paths)
        {
            if (path.Value?.Operations?.ContainsKey(OperationType.Get) == true)
            {
                collections.Add(path.Key);
            }

            int slash = path.Key.LastIndexOf('/');
            if (slash > 0 && path.Key.Substring(slash + 1).StartsWith("{", StringComparison.Ordinal))
            {
                collections.Add(path.Key.Substring(0, slash));
            }
        }

        return collections;
    }

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
