using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>One service method that Stripe's SDK variant of the spec names for an operation.</summary>
/// <param name="ResourceClass">The class of the resource whose <c>x-stripeOperations</c> lists it (<c>Invoice</c>).</param>
/// <param name="MethodName">Its <c>method_name</c> (<c>finalize_invoice</c>).</param>
internal sealed record SdkOperation(string ResourceClass, string MethodName);

/// <summary>
/// What the SDK variant of Stripe's spec says about operations: each resource's <c>x-stripeOperations</c> entries
/// for services (<c>method_on: service</c>), by operation, and the <c>parameters_override_by_path</c> placeholders
/// each one points at. Empty for a spec without these extensions.
/// </summary>
internal sealed class SdkOperations
{
    public const string Extension = "x-stripeOperations";

    private readonly Dictionary<(string Method, string Path), List<SdkOperation>> _byOperation = new();
    private readonly Dictionary<string, List<(string Method, string Path)>> _overriding = new(StringComparer.Ordinal);

    private SdkOperations()
    {
    }

    public static SdkOperations Read(IDictionary<string, OpenApiSchema>? components, ClassNames names)
    {
        var operations = new SdkOperations();
        foreach (var component in components ?? new Dictionary<string, OpenApiSchema>())
        {
            if (component.Value is not { } schema || !schema.Extensions.TryGetValue(Extension, out IOpenApiExtension? extension)
                || extension is not OpenApiArray entries || names.ResourceName(schema) is not { } resourceClass)
            {
                continue;
            }

            foreach (OpenApiObject entry in entries.OfType<OpenApiObject>())
            {
                if (ClassNames.Text(entry, "operation") is not { } method || ClassNames.Text(entry, "path") is not { } path)
                {
                    continue;
                }

                var key = (method.ToUpperInvariant(), path);
                if (ClassNames.Text(entry, "parameters_override_by_path") is { } placeholder)
                {
                    Add(operations._overriding, placeholder, key);
                }

                if (ClassNames.Text(entry, "method_on") == "service" && ClassNames.Text(entry, "method_name") is { } methodName)
                {
                    var named = new SdkOperation(resourceClass, methodName);
                    if (!operations._byOperation.TryGetValue(key, out List<SdkOperation>? list))
                    {
                        operations._byOperation[key] = list = new List<SdkOperation>();
                    }

                    if (!list.Contains(named))
                    {
                        list.Add(named);
                    }
                }
            }
        }

        return operations;
    }

    /// <summary>The service methods named for an operation, in the spec's order; empty when none is.</summary>
    public IReadOnlyList<SdkOperation> For(string httpMethod, string path) =>
        _byOperation.TryGetValue((httpMethod.ToUpperInvariant(), path), out List<SdkOperation>? named) ? named : Array.Empty<SdkOperation>();

    /// <summary>The operations whose parameters a placeholder path overrides, in the spec's order.</summary>
    public IReadOnlyList<(string Method, string Path)> Overriding(string placeholderPath) =>
        _overriding.TryGetValue(placeholderPath, out List<(string Method, string Path)>? real) ? real : Array.Empty<(string, string)>();

    private static void Add(Dictionary<string, List<(string Method, string Path)>> map, string placeholder, (string Method, string Path) operation)
    {
        if (!map.TryGetValue(placeholder, out List<(string Method, string Path)>? list))
        {
            map[placeholder] = list = new List<(string Method, string Path)>();
        }

        if (!list.Contains(operation))
        {
            list.Add(operation);
        }
    }
}
