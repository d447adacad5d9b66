using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// The class name each schema of a spec gives its model, in one place for the response readers and the operation
/// namer: <c>x-stripeResource</c> where the spec is the SDK variant, else <c>x-resourceId</c>, else the title, else
/// the component's name (the rules themselves are <see cref="Naming"/>'s).
/// </summary>
internal sealed class ClassNames
{
    public const string StripeResource = "x-stripeResource";

    // Nested classes (in_class) inside nested classes: deeper than this is a cycle in the spec.
    private const int MaxNesting = 16;

    private readonly IDictionary<string, OpenApiSchema> _components;
    private readonly Dictionary<string, OpenApiSchema> _byResourceId = new(StringComparer.Ordinal);

    public ClassNames(IDictionary<string, OpenApiSchema>? components)
    {
        _components = components ?? new Dictionary<string, OpenApiSchema>();
        foreach (var component in _components)
        {
            if (component.Value is not null && ResourceIdOf(component.Value) is { } id && !_byResourceId.ContainsKey(id))
            {
                _byResourceId.Add(id, component.Value);
            }
        }
    }

    /// <summary>
    /// A resource's class: <c>x-stripeResource</c>'s class with its package or the class it is inside, else
    /// <c>x-resourceId</c> spelled as the title spells it; null for a schema that names no resource.
    /// </summary>
    public string? ResourceName(OpenApiSchema schema) => ResourceName(schema, depth: 0);

    /// <summary>
    /// The class of the resource a schema stands for, a deleted object standing for its live resource
    /// (<c>deleted_discount</c> for <c>Discount</c>); null for a schema that names no resource.
    /// </summary>
    public string? LiveResourceName(OpenApiSchema schema)
    {
        if (ResourceIdOf(schema) is { } id && Naming.LiveResourceId(id) is var live && live != id)
        {
            return _byResourceId.TryGetValue(live, out OpenApiSchema? liveSchema) ? ResourceName(liveSchema) : Naming.ClassName(live, title: null);
        }

        return ResourceName(schema);
    }

    /// <summary>A response type's name: a list or search envelope's by its items, else the resource's class, else the title, else the component name, else <paramref name="fallbackName"/>.</summary>
    public string ResponseName(OpenApiSchema schema, string fallbackName)
    {
        if (StripeConventions.SearchResultItem(schema) is { } item)
        {
            // Every search returns an envelope titled "SearchResult"; its items' type tells them apart.
            return Naming.SearchResultClass(ResponseName(item, fallbackName));
        }

        if (StripeConventions.ListItem(schema) is { } listed)
        {
            // A list with more than a page's fields keeps a class, named by its items rather than Stripe's titles.
            return Naming.ListClass(ResponseName(listed, fallbackName));
        }

        if (ResourceName(schema) is { } resource)
        {
            return resource;
        }

        if (!string.IsNullOrWhiteSpace(schema.Title))
        {
            return Naming.Pascal(schema.Title);
        }

        return schema.Reference?.Id is { Length: > 0 } referenceId ? Naming.Pascal(referenceId) : fallbackName;
    }

    /// <summary>
    /// A union wrapper's name: the union's own (its resource's class or component name, as <c>payment_source</c>),
    /// else its two or three members joined (<c>CustomerOrDeletedCustomer</c>), else <paramref name="fallbackName"/>.
    /// </summary>
    public string UnionName(OpenApiSchema schema, string fallbackName)
    {
        if (ResourceName(schema) is { } resource)
        {
            return resource;
        }

        if (schema.Reference?.Id is { Length: > 0 } referenceId)
        {
            return Naming.Pascal(referenceId);
        }

        var named = (schema.AnyOf.Count > 0 ? schema.AnyOf : schema.OneOf)
            .Where(v => v is not { Type: "string" })
            .Select(v => ResponseName(v, string.Empty))
            .ToList();
        return named.Count is 2 or 3 && named.All(n => n.Length > 0) ? Naming.UnionClass(named) : fallbackName;
    }

    private string? ResourceName(OpenApiSchema schema, int depth)
    {
        if (schema.Extensions.TryGetValue(StripeResource, out IOpenApiExtension? extension) && extension is OpenApiObject resource
            && Text(resource, "class_name") is { } className)
        {
            if (Text(resource, "in_class") is { } outer)
            {
                // A class inside another is named after both (account_settings' BacsDebitPayments:
                // AccountSettingsBacsDebitPayments), as Stripe's SDKs nest them.
                return depth < MaxNesting && _components.TryGetValue(outer, out OpenApiSchema? outerSchema) && outerSchema is not null
                    && ResourceName(outerSchema, depth + 1) is { } outerName
                    ? Naming.Merge(outerName, Naming.Pascal(className))
                    : Naming.Pascal(className);
            }

            return Naming.SdkClass(Text(resource, "in_package"), className);
        }

        return ResourceIdOf(schema) is { } id ? Naming.ClassName(id, schema.Title) : null;
    }

    private static string? ResourceIdOf(OpenApiSchema schema) =>
        schema.Extensions.TryGetValue(StripeConventions.ResourceId, out IOpenApiExtension? id) && id is OpenApiString { Value.Length: > 0 } resourceId ? resourceId.Value : null;

    /// <summary>A non-empty string member of an extension's object, else null.</summary>
    internal static string? Text(OpenApiObject extension, string member) =>
        extension.TryGetValue(member, out IOpenApiAny? value) && value is OpenApiString { Value.Length: > 0 } text ? text.Value : null;
}
