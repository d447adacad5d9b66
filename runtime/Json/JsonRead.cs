using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace AccountLinkGen;

/// <summary>Reads one item of a JSON list or map. It exists for generated code and is not a supported API.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonItemReader<T>(ref Utf8JsonReader reader);

/// <summary>
/// Value readers for generated response models: each takes a reader positioned on a value token and returns the
/// value. It exists for generated code and is not a supported API.
/// </summary>
/// <remarks>
/// Generated code reads with <see cref="Utf8JsonReader"/> only, so responses parse without reflection and stay
/// trim- and AOT-safe.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    // The seconds DateTimeOffset can hold: years 1 to 9999.
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>A string; numbers and booleans as their JSON text; an expanded object as its <c>id</c>.</summary>
    /// <exception cref="JsonException">The value is a list.</exception>
    public static string? String(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
            case JsonTokenType.StartObject:
                return Identify(ref reader).Id;
            default:
                // A list has no text to stand for it: reading it as null would lose it without a word.
                throw Unexpected(ref reader, "a string");
        }
    }

    /// <summary>An integer, or null.</summary>
    /// <exception cref="JsonException">The value is not a number, or not an integer that fits in 64 bits.</exception>
    public static long? Int64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.TryGetInt64(out long value) ? value : throw Unexpected(ref reader, "an integer of 64 bits"),
        _ => throw Unexpected(ref reader, "an integer"),
    };

    /// <summary>A number, or null.</summary>
    /// <exception cref="JsonException">The value is not a number, or one outside the range of <see cref="decimal"/>.</exception>
    public static decimal? Decimal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.TryGetDecimal(out decimal value) ? value : throw Unexpected(ref reader, "a number in the range of decimal"),
        _ => throw Unexpected(ref reader, "a number"),
    };

    /// <summary>
    /// A decimal number Stripe sends as a string (<c>"12.5"</c>, the spec's <c>format: decimal</c>), or as a number,
    /// or null.
    /// </summary>
    /// <exception cref="JsonException">The value is neither, or a string that is not an invariant decimal number.</exception>
    public static decimal? DecimalText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
            ? value
            : throw Unexpected(ref reader, "a decimal number in a string"),
        _ => Decimal(ref reader),
    };

    /// <summary>A boolean, or null.</summary>
    public static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    /// <summary>A Unix timestamp in seconds as a <see cref="DateTimeOffset"/>, or null.</summary>
    /// <exception cref="JsonException">The value is not an integer, or outside the years 1 to 9999.</exception>
    public static DateTimeOffset? UnixTime(ref Utf8JsonReader reader) =>
        Int64(ref reader) is not { } seconds ? null
        : seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds)
        : throw Unexpected(ref reader, "a Unix time in the years 1 to 9999");

    /// <summary>A Unix timestamp in seconds as a UTC <see cref="DateTime"/> (Stripe.net's shape), or null.</summary>
    /// <exception cref="JsonException">The value is not an integer, or outside the years 1 to 9999.</exception>
    public static DateTime? UnixDateTime(ref Utf8JsonReader reader) => UnixTime(ref reader)?.UtcDateTime;

    /// <summary>Any JSON value, kept whole (cloned, so it outlives the response buffer), or null.</summary>
    public static JsonElement? Element(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    /// <summary>A list whose items <paramref name="readItem"/> reads, or null.</summary>
    /// <exception cref="JsonException">The value is not a list, or an item is null.</exception>
    public static IReadOnlyList<T>? List<T>(ref Utf8JsonReader reader, JsonItemReader<T> readItem) => MutableList(ref reader, readItem);

    /// <summary>
    /// <see cref="List{T}(ref Utf8JsonReader, JsonItemReader{T})"/> as a <see cref="System.Collections.Generic.List{T}"/> the caller may change:
    /// what a model in Stripe.net's shape holds, where user code adds to a list it was given.
    /// </summary>
    /// <exception cref="JsonException">The value is not a list, or an item is null.</exception>
    public static List<T>? MutableList<T>(ref Utf8JsonReader reader, JsonItemReader<T> readItem)
    {
        if (!Opens(ref reader, JsonTokenType.StartArray, "a list"))
        {
            return null;
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ThrowIfNullItem(ref reader);
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>A string-to-string map, or null; keys with a null value are left out.</summary>
    public static IReadOnlyDictionary<string, string>? StringMap(ref Utf8JsonReader reader) => MutableStringMap(ref reader);

    /// <summary><see cref="StringMap"/> as a <see cref="Dictionary{TKey, TValue}"/> the caller may change (Stripe.net's shape).</summary>
    public static Dictionary<string, string>? MutableStringMap(ref Utf8JsonReader reader) =>
        MutableMap(ref reader, static (ref Utf8JsonReader value) => String(ref value) ?? string.Empty);

    /// <summary>A map whose values <paramref name="readValue"/> reads, or null; keys with a null value are left out.</summary>
    public static IReadOnlyDictionary<string, T>? Map<T>(ref Utf8JsonReader reader, JsonItemReader<T> readValue) => MutableMap(ref reader, readValue);

    /// <summary>
    /// <see cref="Map{T}(ref Utf8JsonReader, JsonItemReader{T})"/> as a <see cref="Dictionary{TKey, TValue}"/> the
    /// caller may change (Stripe.net's shape).
    /// </summary>
    public static Dictionary<string, T>? MutableMap<T>(ref Utf8JsonReader reader, JsonItemReader<T> readValue)
    {
        if (!Opens(ref reader, JsonTokenType.StartObject, "an object"))
        {
            return null;
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.Null)
            {
                map[key] = readValue(ref reader);
            }
        }

        return map;
    }

    /// <summary>
    /// An expandable field: its ID, with the object in <paramref name="expanded"/> when the response holds it
    /// expanded (read by <paramref name="readObject"/>), else null there.
    /// </summary>
    public static string? Expandable<T>(ref Utf8JsonReader reader, JsonItemReader<T> readObject, out T? expanded)
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            expanded = null;
            return String(ref reader);
        }

        // The reader is a struct over the whole document: a copy reads the object a second time, for its id.
        Utf8JsonReader copy = reader;
        expanded = readObject(ref reader);
        return Identify(ref copy).Id;
    }

    /// <summary>
    /// A list of expandable items: their IDs, with the objects in <paramref name="expanded"/> when the response holds
    /// every item expanded (read by <paramref name="readObject"/>), else null there.
    /// </summary>
    public static IReadOnlyList<string>? ExpandableList<T>(ref Utf8JsonReader reader, JsonItemReader<T> readObject, out IReadOnlyList<T>? expanded)
        where T : class
    {
        List<string>? ids = MutableExpandableList(ref reader, readObject, out List<T>? objects);
        expanded = objects;
        return ids;
    }

    /// <summary>
    /// <see cref="ExpandableList{T}(ref Utf8JsonReader, JsonItemReader{T}, out IReadOnlyList{T})"/> as lists the
    /// caller may change (Stripe.net's shape).
    /// </summary>
    public static List<string>? MutableExpandableList<T>(ref Utf8JsonReader reader, JsonItemReader<T> readObject, out List<T>? expanded)
        where T : class
    {
        expanded = null;
        if (!Opens(ref reader, JsonTokenType.StartArray, "a list"))
        {
            return null;
        }

        var ids = new List<string>();
        var objects = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ThrowIfNullItem(ref reader);
            ids.Add(Expandable(ref reader, readObject, out T? item) ?? string.Empty);
            if (item is not null)
            {
                objects.Add(item);
            }
        }

        // Stripe expands a list whole or not at all; an empty list is the same either way.
        expanded = objects.Count == ids.Count ? objects : null;
        return ids;
    }

    /// <summary>Skips the value of a property the model does not know.</summary>
    public static void Skip(ref Utf8JsonReader reader) => reader.Skip();

    /// <summary>Skips a value that is not the expected object (such as an unexpanded ID) and returns null.</summary>
    public static T? Skipped<T>(ref Utf8JsonReader reader)
        where T : class
    {
        reader.Skip();
        return null;
    }

    /// <summary>The exception for a required field that the JSON lacks.</summary>
    public static JsonException Missing(string type, string field) =>
        new($"The response has no '{field}', which {type} requires.");

    /// <summary>
    /// The <c>object</c> field of the object the reader is on (by value: the caller's reader does not move), and
    /// whether its <c>deleted</c> field is true: what tells the objects of a union response apart.
    /// </summary>
    public static string? ObjectType(Utf8JsonReader reader, out bool deleted)
    {
        (_, string? type, deleted) = reader.TokenType == JsonTokenType.StartObject ? Identify(ref reader) : default;
        return type;
    }

    /// <summary>The exception for a union response holding an object it does not list.</summary>
    public static JsonException UnknownObject(string type, string? objectType, string expected) =>
        new(objectType is null
            ? $"The response has no 'object' field, which tells which object {type} holds ({expected})."
            : $"The response is a '{objectType}' object, which {type} does not hold; it holds {expected}.");

    /// <summary>Checks that the reader is on the <c>{</c> of an object that <paramref name="type"/> is read from.</summary>
    /// <exception cref="JsonException">It is on another token, such as a string where an object was expected.</exception>
    public static void ExpectObject(ref Utf8JsonReader reader, string type)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object for " + type);
        }
    }

    /// <summary>Moves to the first token of a document and checks that it starts an object.</summary>
    public static void StartDocument(ref Utf8JsonReader reader, string type)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {type}.");
        }
    }

    // One pass over the fields of the object the reader is on, to its end, for what tells it apart.
    private static (string? Id, string? Type, bool Deleted) Identify(ref Utf8JsonReader reader)
    {
        string? id = null;
        string? type = null;
        bool deleted = false;
        int depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            // On a field's name: each value is skipped whole below, so nested fields never come here.
            bool isId = reader.ValueTextEquals("id"u8);
            bool isType = reader.ValueTextEquals("object"u8);
            bool isDeleted = reader.ValueTextEquals("deleted"u8);
            reader.Read();
            if (isId)
            {
                id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (isType && reader.TokenType == JsonTokenType.String)
            {
                type = reader.GetString();
            }
            else if (isDeleted)
            {
                deleted = reader.TokenType == JsonTokenType.True;
            }

            reader.Skip();
        }

        return (id, type, deleted);
    }

    // Null reads as null; any token but the one that opens the expected value is refused.
    private static bool Opens(ref Utf8JsonReader reader, JsonTokenType start, string expected)
    {
        if (reader.TokenType != start && reader.TokenType != JsonTokenType.Null)
        {
            throw Unexpected(ref reader, expected);
        }

        return reader.TokenType == start;
    }

    /// <summary>
    /// A list's items are never null in Stripe's spec, and a null would otherwise read as the item type's default
    /// (<c>""</c>, 0, an object with nothing set): refused, as a missing required field is.
    /// </summary>
    private static void ThrowIfNullItem(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw Unexpected(ref reader, "a list item");
        }
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Found(ref reader)} at byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>The token, with its text when it is a number (the value that did not fit).</summary>
    private static string Found(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && reader.ValueSpan.Length <= 40
            ? "the number " + System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray())
            : reader.TokenType.ToString();
}
