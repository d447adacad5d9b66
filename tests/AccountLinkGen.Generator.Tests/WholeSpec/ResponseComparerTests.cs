using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// The acceptance oracle's comparer can fail: a model the real generated reader made from JSON agrees with it, and
/// one wrong value planted in that model, of each kind a response holds, is a difference named by its JSON path.
/// </summary>
public sealed class ResponseComparerTests : IClassFixture<WidgetsClientFixture>
{
    private const string Widget = "Widget";

    private const string Json = """
        {"id": "wdg_1", "object": "widget", "name": "Zoë's\r\nwidget", "count": 7, "ratio": 1.50, "active": true,
         "created": 1700000000, "status": "active", "owner": {"name": "Jenny"}, "tags": ["a", "b"],
         "parts": [{"sku": "p1"}, {"sku": "p2"}], "metadata": {"order_id": "6735"}, "amounts": {"eur": 100},
         "customer": {"id": "cus_1", "object": "customer", "email": "jenny@example.com"}, "data": {"any": [1, "x", null]},
         "event": {"object": {"id": "cus_2", "object": "customer", "email": "jenny.rosen@example.com"}},
         "related": {"object": "list", "url": "/v1/widgets/wdg_1/related", "has_more": true, "data": [{"sku": "p3"}]},
         "found": {"object": "search_result", "url": "/v1/widgets/search", "has_more": false, "next_page": null, "total_count": 1, "data": [{"sku": "p4"}]}}
        """;

    /// <summary>Each kind of planted value, the JSON path the difference must name, and how to plant it.</summary>
    private static readonly Dictionary<string, (string Path, Action<object> Plant)> Plants = new(StringComparer.Ordinal)
    {
        ["string"] = ("name", widget => Set(widget, "Name", "Zoe's\r\nwidget")),
        ["integer"] = ("count", widget => Set(widget, "Count", 8L)),
        ["decimal"] = ("ratio", widget => Set(widget, "Ratio", 1.25m)),
        ["boolean"] = ("active", widget => Set(widget, "Active", false)),
        ["unix time"] = ("created", widget => Set(widget, "Created", DateTimeOffset.FromUnixTimeSeconds(1700000001))),
        ["enum member (a string the spec enumerates)"] = ("status", widget => Set(widget, "Status", "archived")),
        ["nested object member"] = ("owner.name", widget => Set(Get(widget, "Owner"), "Name", "Jenny Rosen")),
        ["list item"] = ("tags[1]", widget => Set(widget, "Tags", new List<string> { "a", "c" })),
        ["null list item"] = ("parts[0]", widget => Set(widget, "Parts", WithFirstItemNull(Get(widget, "Parts")))),
        ["map entry"] = ("metadata.order_id", widget => Set(widget, "Metadata", new Dictionary<string, string> { ["order_id"] = "6736" })),
        ["map of amounts entry"] = ("amounts.eur", widget => Set(widget, "Amounts", new Dictionary<string, long> { ["eur"] = 101 })),
        ["expandable ID"] = ("customer", widget => Set(widget, "Customer", "cus_2")),
        ["expanded object member"] = ("customer.email", widget => Set(Get(widget, "ExpandedCustomer"), "Email", "jenny.rosen@example.com")),
        ["JSON kept whole"] = ("data", widget => Set(widget, "Data", JsonDocument.Parse("""{"any": [1, "y", null]}""").RootElement.Clone())),
        ["resource read through the object table"] = ("event.object.email", widget => Set(Get(Get(widget, "Event"), "Object"), "Email", "jenny@example.com")),
        ["resource kept as JSON where the table names its model"] = ("event.object", widget => Set(Get(widget, "Event"), "Object", JsonDocument.Parse("""{"id": "cus_2", "object": "customer", "email": "jenny.rosen@example.com"}""").RootElement.Clone())),
        ["list page item"] = ("related.data[0].sku", widget => Set(((System.Collections.IList)Get(Get(widget, "Related"), "Data"))[0]!, "Sku", "p5")),
        ["list page field"] = ("related.has_more", widget => Set(Get(widget, "Related"), "HasMore", false)),
        ["search page field"] = ("found.total_count", widget => Set(Get(widget, "Found"), "TotalCount", 2L)),
        ["value the JSON does not have"] = ("description", widget => Set(widget, "Description", "a widget")),
    };

    private readonly WidgetsClientFixture _fixture;

    public ResponseComparerTests(WidgetsClientFixture fixture) => _fixture = fixture;

    public static TheoryData<string> PlantedKinds => new(Plants.Keys);

    [Fact]
    public void TheModelReadFromJson_AgreesWithIt_OnEveryKindOfValue()
    {
        var comparer = new ResponseComparer(_fixture.Client.Model);

        Assert.Empty(comparer.Differences(Parse(Json), Read(Json), Widget));

        // Every kind was looked at, not passed over.
        Assert.DoesNotContain(ResponseComparer.ResponseKinds, kind => comparer.Compared[kind] == 0);
    }

    [Theory]
    [MemberData(nameof(PlantedKinds))]
    public void OneWrongValue_IsOneDifference_NamedByItsJsonPath(string kind)
    {
        var (path, plant) = Plants[kind];
        object widget = Read(Json);
        plant(widget);

        List<string> differences = new ResponseComparer(_fixture.Client.Model).Differences(Parse(Json), widget, Widget);

        string difference = Assert.Single(differences);
        Assert.StartsWith(path + ": ", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyWithoutAMember_IsADifference()
    {
        string json = Json.TrimEnd()[..^1] + """, "color": "red"}""";

        string difference = Assert.Single(new ResponseComparer(_fixture.Client.Model).Differences(Parse(json), Read(json), Widget));

        Assert.StartsWith("color: no member", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void HittingTheDepthLimit_IsADifference()
    {
        List<string> differences = new ResponseComparer(_fixture.Client.Model, maxDepth: 1).Differences(Parse(Json), Read(Json), Widget);

        Assert.Contains("owner.name: nested deeper than 1 levels, not compared", differences);
        Assert.Contains("tags[0]: nested deeper than 1 levels, not compared", differences);
    }

    [Fact]
    public void OpenEnums_AreComparedByWireName()
    {
        EnumModel open = _fixture.Client.Model.Enums.Single(e => e.Open);
        object active = Activator.CreateInstance(_fixture.Client.Type(open.Name), "active")!;
        var type = new TypeRef(TypeKind.OpenEnum, open.Name);
        var comparer = new ResponseComparer(_fixture.Client.Model);

        Assert.Empty(comparer.Differences(Parse("\"active\""), active, type, "status"));
        Assert.StartsWith("status: ", Assert.Single(comparer.Differences(Parse("\"archived\""), active, type, "status")), StringComparison.Ordinal);
        Assert.StartsWith("status: ", Assert.Single(comparer.Differences(Parse("\"active\""), "active", type, "status")), StringComparison.Ordinal);
    }

    [Fact]
    public void ClosedEnums_AreComparedByWireName()
    {
        EnumModel closed = _fixture.Client.Model.Enums.Single(e => !e.Open);
        Type enumType = _fixture.Client.Type(closed.Name);
        object @fixed = Enum.Parse(enumType, closed.Members.Single(m => m.WireName == "fixed").Name);
        var type = new TypeRef(TypeKind.Enum, closed.Name);
        var comparer = new ResponseComparer(_fixture.Client.Model);

        Assert.Empty(comparer.Differences(Parse("\"fixed\""), @fixed, type, "kind"));
        Assert.StartsWith("kind: ", Assert.Single(comparer.Differences(Parse("\"dynamic\""), @fixed, type, "kind")), StringComparison.Ordinal);
        Assert.StartsWith("kind: ", Assert.Single(comparer.Differences(Parse("\"fixed\""), Enum.ToObject(enumType, 7), type, "kind")), StringComparison.Ordinal);
    }

    [Fact]
    public void NumbersAreComparedByValue_TimesByInstant()
    {
        var comparer = new ResponseComparer(_fixture.Client.Model);

        Assert.Empty(comparer.Differences(Parse("1.50"), 1.5m, new TypeRef(TypeKind.Number), "ratio"));
        Assert.Single(comparer.Differences(Parse("1.5"), 1.5000001m, new TypeRef(TypeKind.Number), "ratio"));
        Assert.Single(comparer.Differences(Parse("1.5"), 1L, new TypeRef(TypeKind.Integer), "count"));
        Assert.Single(comparer.Differences(Parse("1700000000"), DateTimeOffset.FromUnixTimeSeconds(1700000000).AddTicks(1), new TypeRef(TypeKind.UnixTime), "created"));
        Assert.Single(comparer.Differences(Parse("\"1\""), 1L, new TypeRef(TypeKind.Integer), "count"));
    }

    /// <summary>The generated model's own reader (<c>FromJson</c>, which takes a span and so cannot be invoked by reflection).</summary>
    private delegate object FromJson(ReadOnlySpan<byte> utf8Json);

    /// <summary>
    /// JSON at the edges of what the spec allows: the generated reader holds exactly its values, or refuses it with
    /// a <see cref="JsonException"/>; it never holds something else (a null list item as "", a map value that is not
    /// an object read from the fields after it).
    /// </summary>
    [Theory]
    [InlineData("tags", "[\"a\", null]")]
    [InlineData("parts", "[null, {\"sku\": \"p2\"}]")]
    [InlineData("parts", "[\"prt_1\", {\"sku\": \"p2\"}]")]
    [InlineData("metadata", "{\"order_id\": null}")]
    [InlineData("amounts", "{\"eur\": null, \"usd\": 5}")]
    [InlineData("count", "1.0")]
    [InlineData("ratio", "1e400")]
    [InlineData("created", "253402300800")]
    [InlineData("customer", "[\"cus_1\"]")]
    [InlineData("data", "null")]
    [InlineData("description", "null")]
    public void EdgeJson_IsReadExactly_OrRefused(string field, string value)
    {
        JsonObject edited = JsonNode.Parse(Json)!.AsObject();
        edited[field] = JsonNode.Parse(value);
        string json = edited.ToJsonString();
        object widget;
        try
        {
            widget = Read(json);
        }
        catch (JsonException)
        {
            return;
        }

        Assert.Empty(new ResponseComparer(_fixture.Client.Model).Differences(Parse(json), widget, Widget));
    }

    private object Read(string json)
    {
        MethodInfo fromJson = _fixture.Client.Type(Widget).GetMethod(nameof(FromJson))!;
        return ((FromJson)Delegate.CreateDelegate(typeof(FromJson), fromJson))(Encoding.UTF8.GetBytes(json));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static object Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target)!;

    private static void Set(object target, string property, object? value) => target.GetType().GetProperty(property)!.SetValue(target, value);

    /// <summary>A copy of a list of objects with its first item null (the reader never makes one; a bug could).</summary>
    private static IList WithFirstItemNull(object items)
    {
        Type itemType = items.GetType().GetGenericArguments()[0];
        var copy = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        copy.Add(null);
        foreach (object? item in ((IEnumerable)items).Cast<object?>().Skip(1))
        {
            copy.Add(item);
        }

        return copy;
    }
}
