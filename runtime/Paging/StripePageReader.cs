using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace AccountLinkGen;

/// <summary>
/// Reads a <see cref="StripeList{T}"/> or a <see cref="StripeSearchResult{T}"/> with the generated reader of its
/// items, without reflection. It exists for generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StripePageReader
{
    private const string ListType = "StripeList";
    private const string SearchType = "StripeSearchResult";

    /// <summary>Reads a whole response body that is a list.</summary>
    /// <exception cref="JsonException">The JSON is malformed or lacks <c>data</c>, <c>has_more</c> or <c>url</c>.</exception>
    public static StripeList<T> List<T>(ReadOnlySpan<byte> utf8Json, JsonItemReader<T> readItem)
    {
        var reader = new Utf8JsonReader(utf8Json);
        JsonRead.StartDocument(ref reader, ListType);
        return List(ref reader, readItem)!;
    }

    /// <summary>Reads a list from a reader positioned on its <c>{</c>, or null on a JSON null.</summary>
    public static StripeList<T>? List<T>(ref Utf8JsonReader reader, JsonItemReader<T> readItem)
    {
        Page<T> page = Read(ref reader, readItem, ListType);
        return page.Data is null ? null : new StripeList<T> { Data = page.Data, HasMore = page.HasMore, Url = page.Url };
    }

    /// <summary>Reads a whole response body that is a search's results.</summary>
    /// <exception cref="JsonException">The JSON is malformed or lacks <c>data</c>, <c>has_more</c> or <c>url</c>.</exception>
    public static StripeSearchResult<T> SearchResult<T>(ReadOnlySpan<byte> utf8Json, JsonItemReader<T> readItem)
    {
        var reader = new Utf8JsonReader(utf8Json);
        JsonRead.StartDocument(ref reader, SearchType);
        return SearchResult(ref reader, readItem)!;
    }

    /// <summary>Reads a search's results from a reader positioned on its <c>{</c>, or null on a JSON null.</summary>
    public static StripeSearchResult<T>? SearchResult<T>(ref Utf8JsonReader reader, JsonItemReader<T> readItem)
    {
        Page<T> page = Read(ref reader, readItem, SearchType);
        return page.Data is null
            ? null
            : new StripeSearchResult<T> { Data = page.Data, HasMore = page.HasMore, Url = page.Url, NextPage = page.NextPage, TotalCount = page.TotalCount };
    }

    // One reader for both envelopes: a list simply never has next_page or total_count.
    private static Page<T> Read<T>(ref Utf8JsonReader reader, JsonItemReader<T> readItem, string type)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        JsonRead.ExpectObject(ref reader, type);
        var page = default(Page<T>);
        bool? hasMore = null;
        string? url = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isData = reader.ValueTextEquals("data"u8);
            bool isHasMore = reader.ValueTextEquals("has_more"u8);
            bool isUrl = reader.ValueTextEquals("url"u8);
            bool isNextPage = reader.ValueTextEquals("next_page"u8);
            bool isTotalCount = reader.ValueTextEquals("total_count"u8);
            reader.Read();
            if (isData)
            {
                page.Data = JsonRead.MutableList(ref reader, readItem);
            }
            else if (isHasMore)
            {
                hasMore = JsonRead.Boolean(ref reader);
            }
            else if (isUrl)
            {
                url = JsonRead.String(ref reader);
            }
            else if (isNextPage)
            {
                page.NextPage = JsonRead.String(ref reader);
            }
            else if (isTotalCount)
            {
                page.TotalCount = JsonRead.Int64(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (page.Data is null)
        {
            throw JsonRead.Missing(type, "data");
        }

        page.HasMore = hasMore ?? throw JsonRead.Missing(type, "has_more");
        page.Url = url ?? throw JsonRead.Missing(type, "url");
        return page;
    }

    private struct Page<T>
    {
        public List<T>? Data;
        public bool HasMore;
        public string Url;
        public string? NextPage;
        public long? TotalCount;
    }
}
