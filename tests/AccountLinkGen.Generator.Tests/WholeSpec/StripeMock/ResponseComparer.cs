using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// Compares a response model with the JSON it was read from, value by value. The generator's model says what each
/// member is (<see cref="ResponsePropertyModel.Type"/>), so nothing is judged by its C# type alone: every JSON key
/// must have a member, every scalar must equal its JSON value (<see cref="ScalarComparer"/>), objects, lists and
/// maps are walked to the end, and a member holding a value the JSON does not have is a difference too.
/// </summary>
/// <remarks>Safe to use from several threads: what it changes (a cache of property lookups, the counts of values compared) is thread-safe.</remarks>
internal sealed partial class ResponseComparer
{
    /// <summary>Nesting deeper than this is reported as a difference, never passed without looking.</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The kinds of value response models hold: the generator reads a response's enums as strings.</summary>
    public static readonly IReadOnlyList<TypeKind> ResponseKinds = new[]
    {
        TypeKind.String, TypeKind.Integer, TypeKind.Number, TypeKind.Boolean, TypeKind.UnixTime, TypeKind.Object,
        TypeKind.Array, TypeKind.Map, TypeKind.StringMap, TypeKind.Expandable, TypeKind.Json, TypeKind.StripeObject,
        TypeKind.List, TypeKind.SearchResult,
    };


    private readonly Dictionary<string, ResponseModel> _responses;
    private readonly Dictionary<string, EnumModel> _enums;
    private readonly Dictionary<string, Dictionary<string, ResponsePropertyModel>> _properties;
    private readonly Dictionary<(string ObjectValue, bool Deleted), string> _objectTable;
    private readonly string _namespace;
    private readonly int _maxDepth;
    private readonly ConcurrentDictionary<(Type Type, string Name), PropertyInfo?> _members = new();
    private readonly long[] _compared = new long[Enum.GetValues<TypeKind>().Length];

    public ResponseComparer(SpecModel model, int maxDepth = DefaultMaxDepth)
    {
        _responses = model.Responses.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _enums = model.Enums.ToDictionary(e => e.Name, StringComparer.Ordinal);
        _properties = model.Responses.ToDictionary(r => r.Name, r => r.Properties.ToDictionary(p => p.WireName, StringComparer.Ordinal), StringComparer.Ordinal);
        _objectTable = (model.ObjectTable?.Entries ?? EquatableArray<ObjectTableEntry>.Empty).ToDictionary(e => (e.ObjectValue, e.Deleted), e => e.TypeName);
        _namespace = model.Namespace;
        _maxDepth = maxDepth;
    }

    /// <summary>How many non-null JSON values of each kind have been compared with the model so far.</summary>
    public IReadOnlyDictionary<TypeKind, long> Compared =>
        Enum.GetValues<TypeKind>().ToDictionary(kind => kind, kind => Interlocked.Read(ref _compared[(int)kind]));

    /// <summary>Every difference between the JSON and the model, each as <c>path: what</c>; empty when they agree.</summary>
    /// <param name="responseType">The response model the JSON was read as.</param>
    public List<string> Differences(JsonElement json, object? model, string responseType) =>
        Differences(json, model, new TypeRef(TypeKind.Object, responseType));

    /// <summary>Every difference between the JSON and what an operation returned, each as <c>path: what</c>; empty when they agree.</summary>
    /// <param name="response">What the JSON was read as (<see cref="OperationModel.Response"/>).</param>
    public List<string> Differences(JsonElement json, object? model, TypeRef response)
    {
        var found = new List<string>();
        CompareValue(json, model, response, string.Empty, found, 0);
        return found;
    }

    /// <summary>The differences between one JSON value and the value a member of kind <paramref name="type"/> holds.</summary>
    public List<string> Differences(JsonElement json, object? value, TypeRef type, string path)
    {
        var found = new List<string>();
        CompareValue(json, value, type, path, found, 0);
        return found;
    }

    private void CompareValue(JsonElement json, object? value, TypeRef type, string path, List<string> found, int depth)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            if (value is not null)
            {
                found.Add($"{Show(path)}: JSON null, model {ScalarComparer.Show(value)}");
            }

            return;
        }

        if (value is null)
        {
            found.Add($"{Show(path)}: JSON {ScalarComparer.Excerpt(json)}, model null");
            return;
        }

        if (depth > _maxDepth)
        {
            found.Add($"{Show(path)}: nested deeper than {_maxDepth} levels, not compared");
            return;
        }

        Interlocked.Increment(ref _compared[(int)type.Kind]);

        switch (type.Kind)
        {
            case TypeKind.Object:
                CompareObject(json, value, type.Name!, path, found, depth);
                break;
            case TypeKind.Array:
                CompareList(json, value, type.Item!, path, found, depth);
                break;
            case TypeKind.Map:
                CompareMap(json, value, type.Item!, path, found, depth);
                break;
            case TypeKind.StringMap:
                CompareMap(json, value, new TypeRef(TypeKind.String), path, found, depth);
                break;
            case TypeKind.StripeObject:
                CompareValue(json, value, ResourceType(json), path, found, depth);
                break;
            case TypeKind.List or TypeKind.SearchResult:
                ComparePage(json, value, type, path, found, depth);
                break;
            case TypeKind.Expandable:
                // Only a member with an expanded twin can hold the object; see CompareExpandable.
                found.Add($"{Show(path)}: an expandable value outside a member that holds its object");
                break;
            default:
                EnumModel? enumModel = type.Kind == TypeKind.Enum && type.Name is { } enumName ? _enums.GetValueOrDefault(enumName) : null;
                if (ScalarComparer.Difference(json, value, type.Kind, enumModel) is { } difference)
                {
                    found.Add($"{Show(path)}: {difference}");
                }

                break;
        }
    }

    private void CompareObject(JsonElement json, object model, string typeName, string path, List<string> found, int depth)
    {
        Type type = model.GetType();
        if (json.ValueKind != JsonValueKind.Object)
        {
            found.Add($"{Show(path)}: JSON {ScalarComparer.Excerpt(json)}, model a {type.Name} object");
            return;
        }

        if (!_responses.TryGetValue(typeName, out ResponseModel? response))
        {
            found.Add($"{Show(path)}: no response model named {typeName} to compare with");
            return;
        }

        if (type.Name != typeName || type.Namespace != _namespace)
        {
            found.Add($"{Show(path)}: read as {type.FullName}, where the model says {_namespace}.{typeName}");
            return;
        }

        if (response.Variants.Count > 0)
        {
            CompareUnion(json, model, response, path, found, depth);
            return;
        }

        Dictionary<string, ResponsePropertyModel> properties = _properties[typeName];
        foreach (JsonProperty entry in json.EnumerateObject())
        {
            string at = Join(path, entry.Name);
            if (!properties.TryGetValue(entry.Name, out ResponsePropertyModel? property))
            {
                if (entry.Value.ValueKind != JsonValueKind.Null)
                {
                    found.Add($"{at}: no member for JSON {ScalarComparer.Excerpt(entry.Value)}");
                }

                continue;
            }

            object? value = Member(type, property.Name, at, found)?.GetValue(model);
            if (property.ExpandedName is { } expandedName)
            {
                object? expanded = Member(type, expandedName, at, found)?.GetValue(model);
                CompareExpandable(entry.Value, value, expanded, property.Type, at, found, depth + 1);
            }
            else
            {
                CompareValue(entry.Value, value, property.Type, at, found, depth + 1);
            }
        }

        // A member the JSON has no key for must be empty: a value there came from somewhere else.
        foreach (ResponsePropertyModel property in response.Properties.Where(p => !json.TryGetProperty(p.WireName, out _)))
        {
            string at = Join(path, property.WireName);
            foreach (string name in new[] { property.Name, property.ExpandedName }.OfType<string>())
            {
                if (Member(type, name, at, found)?.GetValue(model) is { } value)
                {
                    found.Add($"{at}: not in the JSON, model {ScalarComparer.Show(value)} in {name.TrimStart('@')}");
                }
            }
        }
    }

    /// <summary>
    /// What a field that holds any resource must hold for this JSON: the model the object table names for its
    /// <c>object</c> and <c>deleted</c> (the live form's when the deleted form has none), else the JSON kept whole.
    /// </summary>
    private TypeRef ResourceType(JsonElement json)
    {
        string? objectValue = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("object", out JsonElement o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        bool deleted = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("deleted", out JsonElement d) && d.ValueKind == JsonValueKind.True;
        return objectValue is not null && (_objectTable.TryGetValue((objectValue, deleted), out string? name) || _objectTable.TryGetValue((objectValue, false), out name))
            ? new TypeRef(TypeKind.Object, name)
            : new TypeRef(TypeKind.Json);
    }

    /// <summary>A union's wrapper: the one object its <c>object</c> and <c>deleted</c> fields name is set, and holds the JSON.</summary>
    private void CompareUnion(JsonElement json, object model, ResponseModel union, string path, List<string> found, int depth)
    {
        Type type = model.GetType();
        string? objectValue = json.TryGetProperty("object", out JsonElement o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        bool deleted = json.TryGetProperty("deleted", out JsonElement d) && d.ValueKind == JsonValueKind.True;
        var candidates = union.Variants.Where(v => v.ObjectValue == objectValue).ToList();
        ResponseVariantModel? expected = candidates.FirstOrDefault(v => v.Deleted == deleted) ?? candidates.FirstOrDefault(v => !v.Deleted);
        foreach (ResponseVariantModel variant in union.Variants)
        {
            object? value = Member(type, variant.PropertyName, Show(path), found)?.GetValue(model);
            if (variant == expected)
            {
                CompareValue(json, value, new TypeRef(TypeKind.Object, variant.TypeName), path, found, depth + 1);
            }
            else if (value is not null)
            {
                found.Add($"{Show(path)}: a '{objectValue}' object{(deleted ? " (deleted)" : string.Empty)} read into {union.Name}.{variant.PropertyName.TrimStart('@')}");
            }
        }

        if (expected is null)
        {
            found.Add($"{Show(path)}: {union.Name} lists no '{objectValue}' object");
        }
    }

    /// <summary>
    /// An expandable member and its expanded twin: the ID (the JSON string, or the expanded object's <c>id</c>),
    /// and the object itself exactly when the JSON holds it. A list of them the same, item by item.
    /// </summary>
    private void CompareExpandable(JsonElement json, object? id, object? expanded, TypeRef type, string path, List<string> found, int depth)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            Interlocked.Increment(ref _compared[(int)TypeKind.Expandable]);
        }

        if (type.Kind == TypeKind.Array && json.ValueKind == JsonValueKind.Array)
        {
            List<object?>? ids = Items(json, id, path, found);
            if (ids is null)
            {
                return;
            }

            bool objects = json.GetArrayLength() > 0 && json.EnumerateArray().All(item => item.ValueKind == JsonValueKind.Object);
            List<object?>? expandedItems = objects ? Items(json, expanded, path, found) : null;
            if (!objects && expanded is IEnumerable any && any.Cast<object?>().Any())
            {
                found.Add($"{Show(path)}: expanded objects in the model, none in the JSON");
            }

            for (int i = 0; i < ids.Count; i++)
            {
                CompareExpandable(json[i], ids[i], expandedItems?[i], type.Item!, $"{path}[{i}]", found, depth);
            }

            return;
        }

        if (json.ValueKind == JsonValueKind.Object)
        {
            string? expectedId = json.TryGetProperty("id", out JsonElement idJson) && idJson.ValueKind == JsonValueKind.String ? idJson.GetString() : null;
            if (!Equals(expectedId, id))
            {
                found.Add($"{Show(path)}: the expanded object's id is {ScalarComparer.Show(expectedId)}, model ID {ScalarComparer.Show(id)}");
            }

            CompareValue(json, expanded, type.Item!, path, found, depth);
            return;
        }

        CompareValue(json, id, new TypeRef(TypeKind.String), path, found, depth);
        if (expanded is not null)
        {
            found.Add($"{Show(path)}: an expanded object in the model, an ID in the JSON");
        }
    }

    private void CompareList(JsonElement json, object value, TypeRef item, string path, List<string> found, int depth)
    {
        if (Items(json, value, path, found) is { } items)
        {
            for (int i = 0; i < items.Count; i++)
            {
                CompareValue(json[i], items[i], item, $"{path}[{i}]", found, depth + 1);
            }
        }
    }

    /// <summary>The items of a model's list, or null (with the difference noted) when they cannot match the JSON list's.</summary>
    private static List<object?>? Items(JsonElement json, object? value, string path, List<string> found)
    {
        if (json.ValueKind != JsonValueKind.Array || value is not IEnumerable enumerable || value is string)
        {
            found.Add($"{Show(path)}: JSON {ScalarComparer.Excerpt(json)}, model {ScalarComparer.Show(value)} (a list was expected on both sides)");
            return null;
        }

        var items = enumerable.Cast<object?>().ToList();
        if (items.Count != json.GetArrayLength())
        {
            found.Add($"{Show(path)}: {items.Count} items in the model, {json.GetArrayLength()} in the JSON");
            return null;
        }

        return items;
    }

    private void CompareMap(JsonElement json, object value, TypeRef item, string path, List<string> found, int depth)
    {
        if (json.ValueKind != JsonValueKind.Object || value is not IDictionary map)
        {
            found.Add($"{Show(path)}: JSON {ScalarComparer.Excerpt(json)}, model {ScalarComparer.Show(value)} (a map was expected on both sides)");
            return;
        }

        foreach (JsonProperty entry in json.EnumerateObject())
        {
            string at = Join(path, entry.Name);
            if (map.Contains(entry.Name))
            {
                CompareValue(entry.Value, map[entry.Name], item, at, found, depth + 1);
            }
            else if (entry.Value.ValueKind != JsonValueKind.Null)
            {
                found.Add($"{at}: map entry lost (JSON {ScalarComparer.Excerpt(entry.Value)})");
            }
        }

        foreach (string key in map.Keys.OfType<string>().Where(key => !json.TryGetProperty(key, out _)))
        {
            found.Add($"{Join(path, key)}: map entry not in the JSON, model {ScalarComparer.Show(map[key])}");
        }
    }

    private PropertyInfo? Member(Type type, string name, string path, List<string> found)
    {
        PropertyInfo? property = _members.GetOrAdd((type, name), key => key.Type.GetProperty(key.Name.TrimStart('@')));
        if (property is null)
        {
            found.Add($"{path}: {type.Name} has no property {name}, which the model names");
        }

        return property;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string Show(string path) => path.Length == 0 ? "(response)" : path;
}
