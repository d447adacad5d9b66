using System;
using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Parsing;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// The model the generator names for each resource of a spec (by <c>x-resourceId</c>), asked of the generator's
/// own naming, so that a test never guesses a C# name from a resource id.
/// </summary>
internal sealed class ModelNames
{
    private readonly Dictionary<string, string> _byResourceId = new(StringComparer.Ordinal);

    private ModelNames()
    {
    }

    public static ModelNames Read(string specText)
    {
        OpenApiDocument document = new OpenApiStringReader().Read(specText, out _);
        var names = new ClassNames(document.Components.Schemas);
        var models = new ModelNames();
        foreach (var (key, schema) in document.Components.Schemas)
        {
            if (schema.Extensions.TryGetValue("x-resourceId", out var id) && id is OpenApiString { Value: { } resourceId })
            {
                models._byResourceId.TryAdd(resourceId, names.ResponseName(schema, Naming.Pascal(key)));
            }
        }

        return models;
    }

    /// <summary>The model of the resource with this <c>x-resourceId</c>, or its id in PascalCase when the spec has no such resource.</summary>
    public string Of(string resourceId) => _byResourceId.TryGetValue(resourceId, out string? name) ? name : Naming.Pascal(resourceId);
}
