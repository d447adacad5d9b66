using System;
using System.Collections.Generic;
using System.Text.Json;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

// Pages of a list or search, which the runtime's StripeList and StripeSearchResult hold.
internal sealed partial class ResponseComparer
{
    // The fields of a page as Stripe sends them, each with the runtime type's member and kind.
    private static readonly Dictionary<string, (string Member, TypeKind Kind)> PageFields = new(StringComparer.Ordinal)
    {
        ["has_more"] = ("HasMore", TypeKind.Boolean),
        ["url"] = ("Url", TypeKind.String),
        ["next_page"] = ("NextPage", TypeKind.String),
        ["total_count"] = ("TotalCount", TypeKind.Integer),
    };

    /// <summary>A page of a list or search: its items one by one, and each field of the envelope.</summary>
    private void ComparePage(JsonElement json, object value, TypeRef type, string path, List<string> found, int depth)
    {
        Type page = value.GetType();
        string expectedObject = type.Kind == TypeKind.List ? "list" : "search_result";
        if (json.ValueKind != JsonValueKind.Object || page.Name != (type.Kind == TypeKind.List ? "StripeList`1" : "StripeSearchResult`1"))
        {
            found.Add($"{Show(path)}: JSON {ScalarComparer.Excerpt(json)}, model {page.Name} (a page of a {expectedObject} was expected)");
            return;
        }

        foreach (JsonProperty entry in json.EnumerateObject())
        {
            string at = Join(path, entry.Name);
            if (entry.Name == "object")
            {
                if (entry.Value.ValueKind != JsonValueKind.String || entry.Value.GetString() != expectedObject)
                {
                    found.Add($"{at}: JSON {ScalarComparer.Excerpt(entry.Value)} in a {page.Name}");
                }
            }
            else if (entry.Name == "data")
            {
                CompareList(entry.Value, page.GetProperty("Data")!.GetValue(value)!, type.Item!, at, found, depth);
            }
            else if (PageFields.TryGetValue(entry.Name, out var field) && Member(page, field.Member, at, found) is { } member)
            {
                CompareValue(entry.Value, member.GetValue(value), new TypeRef(field.Kind), at, found, depth + 1);
            }
            else if (entry.Value.ValueKind != JsonValueKind.Null)
            {
                found.Add($"{at}: no member for JSON {ScalarComparer.Excerpt(entry.Value)}");
            }
        }
    }
}
