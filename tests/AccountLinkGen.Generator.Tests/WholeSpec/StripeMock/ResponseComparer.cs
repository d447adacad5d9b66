using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// Finds response data a parsed model lost: every non-null key of the response JSON must land in a populated
/// member of the generated model (the model's wire names say which), recursively through nested objects, lists
/// and maps.
/// </summary>
internal sealed class ResponseComparer
{
    private const int MaxDepth = 10;

    private readonly Dictionary<string, ResponseModel> _responses;

    public ResponseComparer(SpecModel model) =>
        _responses = model.Responses.ToDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>The dropped keys as JSON paths, each with how it was lost.</summary>
    public List<string> Dropped(JsonElement json, object model)
    {
        var dropped = new List<string>();
        Compare(json, model, string.Empty, dropped, 0);
        return dropped;
    }

    private void Compare(JsonElement json, object? model, string path, List<string> dropped, int depth)
    {
        if (model is null || depth > MaxDepth || json.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (model is IDictionary map)
        {
            foreach (JsonProperty entry in json.EnumerateObject().Where(e => e.Value.ValueKind != JsonValueKind.Null))
            {
                if (!map.Contains(entry.Name) || map[entry.Name] is not { } value)
                {
                    dropped.Add($"{Join(path, entry.Name)} (map entry lost)");
                }
                else
                {
                    CompareValue(entry.Value, value, null, Join(path, entry.Name), dropped, depth + 1);
                }
            }

            return;
        }

        Type type = model.GetType();
        if (!_responses.TryGetValue(type.Name, out ResponseModel? response))
        {
            // A generated type the model does not know would make the comparison pass without looking.
            if (type.Namespace == WholeSpecClientFixture.Namespace)
            {
                dropped.Add($"{(path.Length == 0 ? "(response)" : path)} (no response model named {type.Name} to compare with)");
            }

            return;
        }

        if (response.Variants.Count > 0)
        {
            // A union's wrapper: exactly one of its objects holds the whole JSON object.
            var set = response.Variants.Select(v => type.GetProperty(v.PropertyName.TrimStart('@'))?.GetValue(model)).Where(v => v is not null).ToList();
            if (set.Count != 1)
            {
                dropped.Add($"{(path.Length == 0 ? "(response)" : path)} ({set.Count} of the union's objects set)");
                return;
            }

            Compare(json, set[0], path, dropped, depth + 1);
            return;
        }

        foreach (JsonProperty entry in json.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            string at = Join(path, entry.Name);
            ResponsePropertyModel? property = response.Properties.FirstOrDefault(p => p.WireName == entry.Name);
            if (property is null)
            {
                dropped.Add($"{at} (no member)");
                continue;
            }

            object? value = type.GetProperty(property.Name.TrimStart('@'))?.GetValue(model);
            object? expanded = property.ExpandedName is { } name ? type.GetProperty(name.TrimStart('@'))?.GetValue(model) : null;
            if (value is null && expanded is null)
            {
                dropped.Add($"{at} (read as null)");
                continue;
            }

            CompareValue(entry.Value, expanded ?? value!, property, at, dropped, depth + 1);
        }
    }

    private void CompareValue(JsonElement json, object value, ResponsePropertyModel? property, string at, List<string> dropped, int depth)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object when value is string:
                // Polymorphic expandable fields are read as the ID (ALG0012): the rest of the object is lost.
                dropped.Add(json.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String && id.GetString() == (string)value
                    ? $"{at} (object read as its ID)"
                    : $"{at} (object read as a string)");
                break;
            case JsonValueKind.Object:
                Compare(json, value, at, dropped, depth);
                break;
            case JsonValueKind.Array when value is IEnumerable items and not string:
                var list = items.Cast<object?>().ToList();
                if (list.Count != json.GetArrayLength())
                {
                    dropped.Add($"{at} ({list.Count} of {json.GetArrayLength()} items read)");
                    break;
                }

                bool idOnly = false;
                for (int i = 0; i < list.Count; i++)
                {
                    if (json[i].ValueKind == JsonValueKind.Object && list[i] is string)
                    {
                        idOnly = true;
                    }
                    else if (list[i] is { } item)
                    {
                        CompareValue(json[i], item, property, $"{at}[{i}]", dropped, depth);
                    }
                }

                if (idOnly)
                {
                    dropped.Add($"{at} (list of objects read as strings)");
                }

                break;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
