using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Operations the naming rules give one options class although their paths differ in path parameters: a legacy
/// singleton path and its twin under the collection's item (<c>DELETE /v1/account</c> beside
/// <c>DELETE /v1/accounts/{account}</c>, <c>POST /v1/account/people</c> beside
/// <c>POST /v1/accounts/{account}/people</c>). Their methods are overloads that differ by those path parameters
/// (<c>DeleteAsync()</c>, <c>DeleteAsync(account)</c>). Where they take the same parameters they share the class;
/// where they differ (the legacy path takes the account in its body), the operation with the most path parameters
/// keeps the name and each other one takes <see cref="Naming.OwnOptionsClass"/>'s: a path without the item's
/// parameter acts on the caller's own item.
/// </summary>
/// <remarks>
/// Decided over the whole spec before any operation is read, so a name never depends on which operations a filter
/// keeps or on the order the paths are listed in.
/// </remarks>
internal sealed class OptionsTwins
{
    private readonly HashSet<(string Path, OperationType Method)> _own = new();

    public OptionsTwins(IDictionary<string, OpenApiPathItem> paths, OperationNamer namer)
    {
        var byName = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (ParameterOverrides.IsPlaceholder(path.Key))
            {
                continue;
            }

            foreach (var entry in path.Value?.Operations ?? new Dictionary<OperationType, OpenApiOperation>())
            {
                if (entry.Value is null)
                {
                    continue;
                }

                OperationName name = namer.Name(entry.Key.ToString().ToUpperInvariant(), path.Key);
                string optionsName = Naming.OptionsClass(name.Resource, name.OptionsVerb);
                if (!byName.TryGetValue(optionsName, out List<Candidate>? group))
                {
                    byName[optionsName] = group = new List<Candidate>();
                }

                group.Add(new Candidate(path.Key, entry.Key, PathParameterCount(path.Key), ParameterNames(path.Value!, entry.Value)));
            }
        }

        foreach (List<Candidate> group in byName.Values.Where(g => g.Count > 1))
        {
            int most = group.Max(c => c.PathParameters);
            var keepers = group.Where(c => c.PathParameters == most).ToList();
            foreach (Candidate candidate in group.Where(c => c.PathParameters < most))
            {
                if (!keepers.Any(k => k.Parameters.SetEquals(candidate.Parameters)))
                {
                    _own.Add((candidate.Path, candidate.Method));
                }
            }
        }
    }

    /// <summary>Whether the operation's options take <see cref="Naming.OwnOptionsClass"/>'s name.</summary>
    public bool TakesOwnName(string path, OperationType method) => _own.Contains((path, method));

    private static int PathParameterCount(string path) => path.Split('/').Count(Naming.IsParameterSegment);

    /// <summary>
    /// The wire names of the parameters the options class would hold: the query's (declared on the path or on the
    /// operation, as the operation reader takes them) and the body's.
    /// </summary>
    private static HashSet<string> ParameterNames(OpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (OpenApiParameter? parameter in (pathItem.Parameters ?? new List<OpenApiParameter>()).Concat(operation.Parameters ?? new List<OpenApiParameter>()))
        {
            if (parameter?.Name is not null && parameter.In == ParameterLocation.Query)
            {
                names.Add(parameter.Name);
            }
        }

        foreach (OpenApiMediaType? media in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
        {
            foreach (string property in media?.Schema?.Properties?.Keys ?? Enumerable.Empty<string>())
            {
                names.Add(property);
            }
        }

        return names;
    }

    private sealed record Candidate(string Path, OperationType Method, int PathParameters, HashSet<string> Parameters);
}
