using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Stripe's parameter-override placeholders: paths with an <c>x-stripeParametersOverride_…</c> segment, which the
/// SDK variant of the spec uses to write down the parameters one kind of object takes in a real operation (a card's
/// or a bank account's update of a customer's source). No request may go to them, so they generate no operation;
/// their parameters are sent through the operation that names them, and ALG0017 says when one is not.
/// </summary>
internal static class ParameterOverrides
{
    private const string Marker = "x-stripeParametersOverride_";

    public static bool IsPlaceholder(string path) =>
        path.Split('/').Any(segment => segment.StartsWith(Marker, StringComparison.Ordinal));

    /// <summary>Reports each operation of a placeholder whose parameters do not all reach an operation that names it.</summary>
    public static void Check(string placeholder, OpenApiPathItem item, IDictionary<string, OpenApiPathItem> paths, SdkOperations sdk, ParseDiagnostics diagnostics)
    {
        foreach (var operation in item.Operations ?? new Dictionary<OperationType, OpenApiOperation>())
        {
            string pointer = "#/paths/" + JsonPointer.Escape(placeholder) + "/" + operation.Key.ToString().ToLowerInvariant();
            var real = sdk.Overriding(placeholder)
                .Select(o => (Name: o.Method + " " + o.Path, Operation: Find(paths, o.Method, o.Path)))
                .Where(o => o.Operation is not null)
                .ToList();
            if (real.Count == 0)
            {
                diagnostics.Report(DiagnosticDescriptors.ParametersOverrideNotSent, pointer, placeholder, "no operation", "no operation names it in parameters_override_by_path, so its parameters reach no method");
                continue;
            }

            HashSet<string> described = Parameters(operation.Value);
            foreach (var (name, target) in real)
            {
                var missing = described.Where(p => !Parameters(target!).Contains(p)).OrderBy(p => p, StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    diagnostics.Report(DiagnosticDescriptors.ParametersOverrideNotSent, pointer, placeholder, name, "'" + string.Join("', '", missing) + "' cannot be sent, because " + name + " does not take them");
                }
            }
        }
    }

    private static OpenApiOperation? Find(IDictionary<string, OpenApiPathItem> paths, string method, string path) =>
        paths.TryGetValue(path, out OpenApiPathItem? item) && item?.Operations is { } operations
            && Enum.TryParse(method, ignoreCase: true, out OperationType type) && operations.TryGetValue(type, out OpenApiOperation? operation)
            ? operation
            : null;

    /// <summary>The wire names of an operation's form parameters and query parameters.</summary>
    private static HashSet<string> Parameters(OpenApiOperation operation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/x-www-form-urlencoded", out OpenApiMediaType? form) && form?.Schema is { } body)
        {
            names.UnionWith(body.Properties.Keys);
        }

        foreach (OpenApiParameter? parameter in operation.Parameters ?? new List<OpenApiParameter>())
        {
            if (parameter is { In: ParameterLocation.Query, Name: { } name })
            {
                names.Add(name);
            }
        }

        return names;
    }
}
