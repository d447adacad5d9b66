using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>A resource a path names: a collection (with or without items of its own) or a singleton.</summary>
/// <param name="Name">Its class: the schema's where schema and path word name one thing, else the path's word.</param>
/// <param name="Path">The path up to its segment, which is the resource's own path when the spec has it.</param>
/// <param name="SchemaClass">The class its schema names, or null: what a nested resource's class is read against.</param>
/// <param name="HasItem">Whether a <c>{parameter}</c> follows it in the path: the operation acts on one item.</param>
internal sealed record ResourceNode(string Name, string? SchemaClass, bool IsSingleton, string Path, bool HasItem);

/// <summary>
/// A path read as Stripe writes them: package words (<c>checkout</c>, <c>test_helpers/issuing</c>), the resources
/// from the outermost in (<c>customers/{customer}/sources/{id}</c>: customer, then its payment sources), and the
/// action's words after them (<c>finalize</c>, <c>shipping/deliver</c>), if any.
/// </summary>
/// <param name="Package">The package words as one name (<c>TestHelpersIssuing</c>).</param>
/// <param name="PackageWords">The package words one by one (<c>TestHelpers</c>, <c>Issuing</c>): the groups its services are found in.</param>
internal sealed record PathShape(string Package, IReadOnlyList<string> PackageWords, IReadOnlyList<ResourceNode> Resources, IReadOnlyList<string> Action);

/// <summary>
/// What the path rules know about a spec's paths, all of them whichever operations a filter keeps: which literal
/// segments are collections (a path has <c>{id}</c> after them, or their GET lists), singletons (their GET answers
/// with one object) or actions, and the class each resource's schema names.
/// </summary>
internal sealed class ResourcePaths
{
    private readonly IDictionary<string, OpenApiPathItem> _paths;
    private readonly ClassNames _names;

    // Each collection path and the paths of its items (the collection's path and one {parameter}), in spec order.
    private readonly Dictionary<string, List<string>> _items = new(StringComparer.Ordinal);
    private readonly HashSet<string> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PathShape> _shapes = new(StringComparer.Ordinal);

    public ResourcePaths(IDictionary<string, OpenApiPathItem> paths, ClassNames names)
    {
        _paths = paths;
        _names = names;
        foreach (string path in paths.Keys)
        {
            string[] segments = path.Split('/');
            for (int i = 1; i < segments.Length; i++)
            {
                if (Naming.IsParameterSegment(segments[i]))
                {
                    string collection = string.Join("/", segments, 0, i);
                    _collections.Add(collection);
                    if (i == segments.Length - 1)
                    {
                        if (!_items.TryGetValue(collection, out List<string>? items))
                        {
                            _items[collection] = items = new List<string>();
                        }

                        items.Add(path);
                    }
                }
            }
        }
    }

    /// <summary>Every path of the spec, whichever operations a filter keeps.</summary>
    public IDictionary<string, OpenApiPathItem> Paths => _paths;

    /// <summary>The path read into package, resources and action.</summary>
    public PathShape Shape(string path)
    {
        if (!_shapes.TryGetValue(path, out PathShape? shape))
        {
            _shapes[path] = shape = Read(path);
        }

        return shape;
    }

    /// <summary>Whether a collection has items of its own, each at its path and a <c>{parameter}</c>.</summary>
    public bool HasItems(string collectionPath) => _collections.Contains(collectionPath);

    /// <summary>Whether the spec has that operation on that path.</summary>
    public bool HasOperation(string path, OperationType method) =>
        _paths.TryGetValue(path, out OpenApiPathItem? item) && item?.Operations?.ContainsKey(method) == true;

    /// <summary>The class of what a path's GET lists (<c>/v1/invoices/{invoice}/lines</c>: <c>LineItem</c>), or null when it lists nothing or nothing named.</summary>
    public string? ListedClass(string path) => ClassOf(ListItem(Response(path, OperationType.Get)));

    /// <summary>Whether a path's GET answers with a list.</summary>
    public bool Lists(string path) => IsList(Response(path, OperationType.Get));

    private string? ClassOf(OpenApiSchema? schema) => schema is null ? null : _names.LiveResourceName(schema);

    private PathShape Read(string path)
    {
        string package = string.Empty;
        var packageWords = new List<string>();
        var resources = new List<ResourceNode>();
        var action = new List<string>();
        bool afterItem = false;
        string prefix = string.Empty;
        foreach (string segment in path.Split('/').Where(s => s.Length > 0))
        {
            prefix += "/" + segment;
            if (Naming.IsVersionSegment(segment))
            {
                continue;
            }

            if (Naming.IsParameterSegment(segment))
            {
                if (resources.Count > 0)
                {
                    resources[resources.Count - 1] = resources[resources.Count - 1] with { HasItem = true };
                }

                afterItem = true;
                continue;
            }

            if (action.Count > 0)
            {
                action.Add(segment);
                continue;
            }

            bool? singleton = Kind(prefix, segment, resources.Count > 0);

            // A word right after a resource (no id between) is its action, unless it is a collection with items.
            bool isResource = singleton is not null && (afterItem || resources.Count == 0 || (singleton == false && _collections.Contains(prefix)));
            if (isResource)
            {
                string word = Naming.Pascal(singleton == true ? segment : Naming.Singular(segment));
                string? schemaClass = ClassOf(ItemSchema(prefix));
                string? className = schemaClass is null || resources.Count == 0 ? schemaClass : Inside(resources[resources.Count - 1], schemaClass);
                resources.Add(new ResourceNode(Naming.MoreSpecific(word, className), schemaClass, singleton == true, prefix, HasItem: false));
                afterItem = false;
            }
            else if (resources.Count == 0)
            {
                packageWords.Add(Naming.Pascal(segment));
                package += packageWords[packageWords.Count - 1];
            }
            else
            {
                action.Add(segment);
            }
        }

        return new PathShape(package, packageWords, resources, action);
    }

    /// <summary>
    /// A nested resource's class without the words it shares with its outer resource's, by the outer's name or, on
    /// an alias path (<c>/v1/linked_accounts/{account}/owners</c>), by the class its schema names.
    /// </summary>
    private static string Inside(ResourceNode outer, string className)
    {
        string inner = Naming.Relative(outer.Name, className);
        return inner == className && outer.SchemaClass is { } outerClass ? Naming.Relative(outerClass, className) : inner;
    }

    /// <summary>
    /// What a literal path prefix is: a collection (false), a singleton (true) or neither (null: a package word or
    /// an action). After another resource, an endpoint is a resource of its own only when its schema names what its
    /// word says (<c>cash_balance</c> answers with a cash balance; <c>finalize</c> with the invoice).
    /// </summary>
    private bool? Kind(string prefix, string segment, bool afterResource)
    {
        if (_collections.Contains(prefix))
        {
            return false;
        }

        if (!_paths.TryGetValue(prefix, out OpenApiPathItem? item) || item?.Operations is not { Count: > 0 } operations)
        {
            return null;
        }

        OpenApiSchema? get = Response(prefix, OperationType.Get);
        if (IsList(get))
        {
            return false;
        }

        if (!afterResource)
        {
            // A top-level endpoint: read (a singleton such as the balance), or only created (account links).
            return get is not null;
        }

        if (ClassOf(ItemSchema(prefix)) is not { } className || !Naming.NameOneThing(className, segment))
        {
            return null;
        }

        bool onlyCreated = operations.Keys.All(k => k == OperationType.Post);
        return !onlyCreated;
    }

    /// <summary>The schema of one of a resource's objects: its items' GET (or POST) answer, its list's item, else its own answer.</summary>
    private OpenApiSchema? ItemSchema(string prefix)
    {
        if (_items.TryGetValue(prefix, out List<string>? items))
        {
            foreach (string item in items)
            {
                if ((Response(item, OperationType.Get) ?? Response(item, OperationType.Post)) is { } schema)
                {
                    return schema;
                }
            }
        }

        OpenApiSchema? get = Response(prefix, OperationType.Get);
        return ListItem(get) ?? get ?? Response(prefix, OperationType.Post) ?? Response(prefix, OperationType.Delete);
    }

    private OpenApiSchema? Response(string path, OperationType method)
    {
        if (!_paths.TryGetValue(path, out OpenApiPathItem? item) || item?.Operations is null || !item.Operations.TryGetValue(method, out OpenApiOperation? operation))
        {
            return null;
        }

        foreach (var response in operation?.Responses ?? new OpenApiResponses())
        {
            if (response.Key.StartsWith("2", StringComparison.Ordinal))
            {
                return response.Value?.Content is { } content && content.TryGetValue("application/json", out OpenApiMediaType? json) ? json?.Schema : null;
            }
        }

        return null;
    }

    private static bool IsList(OpenApiSchema? schema) =>
        schema is not null && schema.Properties.TryGetValue("data", out OpenApiSchema? data) && data is { Type: "array" };

    private static OpenApiSchema? ListItem(OpenApiSchema? schema) =>
        IsList(schema) ? schema!.Properties["data"].Items : null;
}
