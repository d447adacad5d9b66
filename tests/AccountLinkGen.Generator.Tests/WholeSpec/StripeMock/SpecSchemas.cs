using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>One operation of the spec as stripe-mock validates it.</summary>
internal sealed record SpecOperation(string OperationId, string HttpMethod, string Path, JsonElement Element);

/// <summary>
/// The spec stripe-mock validates against, read directly: the harness takes values (enums, formats, lengths) from
/// the schemas themselves rather than from the generator's reading of them, so a generator that loses a
/// constraint shows up as a rejection instead of being copied into the request.
/// </summary>
internal sealed class SpecSchemas : IDisposable
{
    private static readonly string[] Methods = { "get", "post", "delete" };

    private readonly JsonDocument _document;

    public SpecSchemas(string specPath)
    {
        _document = JsonDocument.Parse(File.ReadAllBytes(specPath));
        var operations = new List<SpecOperation>();
        foreach (JsonProperty path in _document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty method in path.Value.EnumerateObject())
            {
                if (Methods.Contains(method.Name))
                {
                    operations.Add(new SpecOperation(method.Value.GetProperty("operationId").GetString()!, method.Name.ToUpperInvariant(), path.Name, method.Value));
                }
            }
        }

        Operations = operations;
    }

    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>Follows <c>$ref</c>s to the schema they name.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out JsonElement reference))
        {
            string name = reference.GetString()!.Split('/').Last();
            schema = _document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    /// <summary>
    /// Every parameter of an operation besides the path ones, as the properties of one object: the form body's
    /// properties (or an upload's multipart body's, its file among them) and the query parameters (Stripe's GETs carry theirs in the query and an empty form body).
    /// </summary>
    public (Dictionary<string, JsonElement> Properties, HashSet<string> Required) ParametersOf(SpecOperation operation)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (operation.Element.TryGetProperty("requestBody", out JsonElement body)
            && (body.GetProperty("content").TryGetProperty("application/x-www-form-urlencoded", out JsonElement form)
                || body.GetProperty("content").TryGetProperty("multipart/form-data", out form)))
        {
            JsonElement schema = Resolve(form.GetProperty("schema"));
            AddProperties(schema, properties, required);
        }

        if (operation.Element.TryGetProperty("parameters", out JsonElement parameters))
        {
            foreach (JsonElement parameter in parameters.EnumerateArray())
            {
                if (parameter.GetProperty("in").GetString() == "query")
                {
                    string name = parameter.GetProperty("name").GetString()!;
                    properties[name] = parameter.GetProperty("schema");
                    if (parameter.TryGetProperty("required", out JsonElement isRequired) && isRequired.GetBoolean())
                    {
                        required.Add(name);
                    }
                }
            }
        }

        return (properties, required);
    }

    /// <summary>The properties and required names of an object schema.</summary>
    public void AddProperties(JsonElement schema, Dictionary<string, JsonElement> properties, HashSet<string> required)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("properties", out JsonElement members))
        {
            foreach (JsonProperty member in members.EnumerateObject())
            {
                properties[member.Name] = member.Value;
            }
        }

        if (schema.TryGetProperty("required", out JsonElement names))
        {
            foreach (JsonElement name in names.EnumerateArray())
            {
                required.Add(name.GetString()!);
            }
        }
    }

    /// <summary>
    /// The fields of the success response that Stripe can expand (<c>x-expandableFields</c>), as <c>expand[]</c>
    /// values: <c>data.</c>-prefixed for a list or search result. Empty for a response that is one of several
    /// shapes, where no field is expandable in every shape.
    /// </summary>
    public IReadOnlyList<string> ExpandableFields(SpecOperation operation)
    {
        if (!operation.Element.GetProperty("responses").TryGetProperty("200", out JsonElement success)
            || !success.TryGetProperty("content", out JsonElement content)
            || !content.TryGetProperty("application/json", out JsonElement json))
        {
            return Array.Empty<string>();
        }

        JsonElement schema = Resolve(json.GetProperty("schema"));
        string prefix = string.Empty;
        if (schema.TryGetProperty("properties", out JsonElement properties)
            && properties.TryGetProperty("data", out JsonElement data)
            && Resolve(data).TryGetProperty("items", out JsonElement items)
            && properties.TryGetProperty("object", out JsonElement kind)
            && kind.TryGetProperty("enum", out JsonElement kinds)
            && kinds.EnumerateArray().Any(k => k.GetString() is "list" or "search_result"))
        {
            schema = Resolve(items);
            prefix = "data.";
        }

        if (!schema.TryGetProperty("x-expandableFields", out JsonElement fields) || !schema.TryGetProperty("properties", out JsonElement members))
        {
            return Array.Empty<string>();
        }

        // x-expandableFields also lists plain nested objects (an issuing card's shipping); only a field that can
        // be an ID names resources it expands to. Expanding the others makes stripe-mock panic when the fixture
        // holds null there, so the harness would measure the mock rather than the client.
        return fields.EnumerateArray()
            .Select(f => f.GetString()!)
            .Where(f => members.TryGetProperty(f, out JsonElement field) && NamesExpansionResources(field))
            .Select(f => prefix + f)
            .ToList();
    }

    private bool NamesExpansionResources(JsonElement field)
    {
        field = Resolve(field);
        return field.TryGetProperty("x-expansionResources", out _)
            || (field.TryGetProperty("anyOf", out JsonElement variants) && variants.EnumerateArray().Any(NamesExpansionResources));
    }

    public void Dispose() => _document.Dispose();
}
