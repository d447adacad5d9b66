using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Json;

/// <summary>
/// The value readers of generated response models hold exactly the JSON's value or refuse it with a
/// <see cref="JsonException"/> that says where: never a default standing in for a null, never a value dropped.
/// </summary>
public sealed class JsonReadTests
{
    [Theory]
    [InlineData("""["a", null]""", 6)]
    [InlineData("""[null]""", 1)]
    public void A_null_item_in_a_list_is_refused_not_read_as_an_empty_string(string json, int at)
    {
        var error = Assert.Throws<JsonException>(() => Read(json, static (ref Utf8JsonReader r) => JsonRead.List(ref r, static (ref Utf8JsonReader item) => JsonRead.String(ref item) ?? string.Empty)));

        Assert.Equal($"Expected a list item but found Null at byte {at}.", error.Message);
    }

    [Fact]
    public void A_null_item_in_a_list_of_integers_is_refused_not_read_as_zero()
    {
        Assert.Throws<JsonException>(() => Read("[1, null, 3]", static (ref Utf8JsonReader r) => JsonRead.List(ref r, static (ref Utf8JsonReader item) => JsonRead.Int64(ref item) ?? 0)));
    }

    [Fact]
    public void A_null_item_in_an_expandable_list_is_refused_not_read_as_an_empty_ID()
    {
        Assert.Throws<JsonException>(() => Read("""["di_1", null]""", static (ref Utf8JsonReader r) => JsonRead.ExpandableList(ref r, static (ref Utf8JsonReader item) => JsonRead.StringMap(ref item)!, out _)));
    }

    [Fact]
    public void Lists_without_nulls_read_every_item()
    {
        Assert.Equal(new[] { "a", "1", "true" }, Read("""["a", 1, true]""", static (ref Utf8JsonReader r) => JsonRead.List(ref r, static (ref Utf8JsonReader item) => JsonRead.String(ref item) ?? string.Empty)));
    }

    [Fact]
    public void A_string_map_leaves_out_null_values_as_other_maps_do()
    {
        IReadOnlyDictionary<string, string>? map = Read("""{"a": "1", "b": null, "c": ""}""", static (ref Utf8JsonReader r) => JsonRead.StringMap(ref r));

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["c"] = string.Empty }, map);
    }

    /// <summary>Stripe.net's shape: the same values, in collections user code may change.</summary>
    [Fact]
    public void The_mutable_readers_read_what_the_read_only_ones_read_into_collections_that_can_change()
    {
        List<long>? list = Read("[1, 2]", static (ref Utf8JsonReader r) => JsonRead.MutableList(ref r, static (ref Utf8JsonReader item) => JsonRead.Int64(ref item) ?? 0));
        Dictionary<string, string>? strings = Read("""{"a": "1", "b": null}""", static (ref Utf8JsonReader r) => JsonRead.MutableStringMap(ref r));
        Dictionary<string, long>? numbers = Read("""{"a": 1}""", static (ref Utf8JsonReader r) => JsonRead.MutableMap(ref r, static (ref Utf8JsonReader item) => JsonRead.Int64(ref item) ?? 0));
        (List<string>? Ids, List<Dictionary<string, string>>? Objects) expandable = Read(
            """[{"id": "di_1"}, {"id": "di_2"}]""",
            static (ref Utf8JsonReader r) => (JsonRead.MutableExpandableList(ref r, static (ref Utf8JsonReader item) => JsonRead.MutableStringMap(ref item)!, out List<Dictionary<string, string>>? objects), objects));

        list!.Add(3);
        strings!["c"] = "3";
        numbers!["b"] = 2;
        expandable.Ids!.Add("di_3");

        Assert.Equal(new long[] { 1, 2, 3 }, list);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["c"] = "3" }, strings);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["b"] = 2 }, numbers);
        Assert.Equal(new[] { "di_1", "di_2", "di_3" }, expandable.Ids);
        Assert.Equal(new[] { "di_1", "di_2" }, expandable.Objects!.Select(o => o["id"]));

        // What the read-only readers read, and null for null, as they do.
        Assert.Equal(
            Read("[1, 2]", static (ref Utf8JsonReader r) => JsonRead.List(ref r, static (ref Utf8JsonReader item) => JsonRead.Int64(ref item) ?? 0)),
            Read("[1, 2]", static (ref Utf8JsonReader r) => JsonRead.MutableList(ref r, static (ref Utf8JsonReader item) => JsonRead.Int64(ref item) ?? 0)));
        Assert.Null(Read("null", static (ref Utf8JsonReader r) => JsonRead.MutableList(ref r, static (ref Utf8JsonReader item) => JsonRead.Int64(ref item) ?? 0)));
        Assert.Null(Read("null", static (ref Utf8JsonReader r) => JsonRead.MutableStringMap(ref r)));
        Assert.Null(Read("""["di_1"]""", static (ref Utf8JsonReader r) =>
        {
            JsonRead.MutableExpandableList(ref r, static (ref Utf8JsonReader item) => JsonRead.MutableStringMap(ref item)!, out List<Dictionary<string, string>>? objects);
            return objects;
        }));
    }

    [Fact]
    public void A_list_where_a_string_belongs_is_refused_not_read_as_null()
    {
        var error = Assert.Throws<JsonException>(() => Read("""["x"]""", static (ref Utf8JsonReader r) => JsonRead.String(ref r)));

        Assert.Equal("Expected a string but found StartArray at byte 0.", error.Message);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e2")]
    [InlineData("9223372036854775808")]
    public void A_number_that_is_no_64_bit_integer_is_a_JsonException_naming_it(string json)
    {
        var error = Assert.Throws<JsonException>(() => Read(json, static (ref Utf8JsonReader r) => JsonRead.Int64(ref r)));

        Assert.Equal($"Expected an integer of 64 bits but found the number {json} at byte 0.", error.Message);
    }

    [Fact]
    public void A_number_beyond_decimal_is_a_JsonException()
    {
        Assert.Throws<JsonException>(() => Read("1e400", static (ref Utf8JsonReader r) => JsonRead.Decimal(ref r)));
        Assert.Equal(1.5m, Read("1.50", static (ref Utf8JsonReader r) => JsonRead.Decimal(ref r)));
    }

    [Theory]
    [InlineData("253402300800")]
    [InlineData("-62135596801")]
    public void A_unix_time_outside_the_years_1_to_9999_is_a_JsonException(string json)
    {
        Assert.Throws<JsonException>(() => Read(json, static (ref Utf8JsonReader r) => JsonRead.UnixTime(ref r)));
    }

    [Fact]
    public void The_extreme_unix_times_read()
    {
        Assert.Equal(DateTimeOffset.MaxValue.ToUnixTimeSeconds(), Read("253402300799", static (ref Utf8JsonReader r) => JsonRead.UnixTime(ref r))!.Value.ToUnixTimeSeconds());
        Assert.Equal(DateTimeOffset.MinValue.ToUnixTimeSeconds(), Read("-62135596800", static (ref Utf8JsonReader r) => JsonRead.UnixTime(ref r))!.Value.ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("\"cus_1\"", "String")]
    [InlineData("[]", "StartArray")]
    [InlineData("7", "the number 7")]
    public void ExpectObject_refuses_anything_but_an_object(string json, string found)
    {
        var error = Assert.Throws<JsonException>(() => Read(json, static (ref Utf8JsonReader r) =>
        {
            JsonRead.ExpectObject(ref r, "Customer");
            return 0;
        }));

        Assert.Equal($"Expected an object for Customer but found {found} at byte 0.", error.Message);
    }

    private static T Read<T>(string json, JsonItemReader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }
}
