using System.Collections.Generic;
using System.Text.Json;
using AccountLinkGen.Wire.Tests.Generated;
using Xunit;

namespace AccountLinkGen.Wire.Tests.Responses;

/// <summary>Response fields that are maps (<c>Specs/shapes.yaml</c>): of objects, of integers and of strings.</summary>
public sealed class MapResponseTests
{
    [Fact]
    public void A_map_of_objects_reads_every_value_and_leaves_out_null_ones()
    {
        var price = Price.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {
              "id": "price_1", "object": "price", "currency": "usd", "unit_amount": null,
              "metadata": { "plan": "pro" },
              "currency_options": {
                "eur": { "unit_amount": 900, "tax_behavior": "inclusive", "unknown": [1, {"a": 2}] },
                "gbp": null,
                "jpy": {}
              }
            }
            """));

        Assert.NotNull(price.CurrencyOptions);
        Assert.Equal(new[] { "eur", "jpy" }, price.CurrencyOptions!.Keys);
        Assert.Equal(900, price.CurrencyOptions["eur"].UnitAmount);
        Assert.Equal("inclusive", price.CurrencyOptions["eur"].TaxBehavior?.ToString());
        Assert.Null(price.CurrencyOptions["jpy"].UnitAmount);
        Assert.Equal("pro", price.Metadata["plan"]);
        Assert.Null(price.UnitAmount);
    }

    [Fact]
    public void A_map_of_integers_reads_each_amount_and_a_null_map_is_null()
    {
        var balance = CashBalance.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"object": "cash_balance", "customer": "cus_1", "livemode": false, "available": {"usd": 1000, "eur": 0, "jpy": -5}}
            """));
        var empty = CashBalance.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"object": "cash_balance", "customer": "cus_1", "livemode": false, "available": null}
            """));

        Assert.Equal(new Dictionary<string, long> { ["usd"] = 1000, ["eur"] = 0, ["jpy"] = -5 }, balance.Available);
        Assert.Null(empty.Available);
    }

    [Theory]
    [InlineData("""{"id": "p", "object": "price", "currency": "usd", "metadata": {}, "currency_options": "eur"}""")]
    [InlineData("""{"id": "p", "object": "price", "currency": "usd", "metadata": {}, "currency_options": [1]}""")]
    public void A_map_field_that_is_not_an_object_is_a_JsonException(string json)
    {
        var error = Assert.Throws<JsonException>(() => Price.FromJson(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Contains("an object", error.Message);
    }
}
