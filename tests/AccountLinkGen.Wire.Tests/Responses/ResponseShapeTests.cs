using System;
using System.Collections.Generic;
using System.Text.Json;
using AccountLinkGen.Wire.Tests.Generated;
using Xunit;

namespace AccountLinkGen.Wire.Tests.Responses;

/// <summary>
/// Response shapes of <c>Specs/shapes.yaml</c>: maps of objects, of integers and of strings, a nullable nested object
/// and an expandable field.
/// </summary>
public sealed class ResponseShapeTests
{
    [Fact]
    public void A_map_of_objects_reads_every_value_and_leaves_out_null_ones()
    {
        var price = Price.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {
              "id": "price_1", "object": "price", "currency": "usd", "unit_amount": null, "product": "prod_1",
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
    [InlineData("""{"id": "p", "object": "price", "currency": "usd", "product": "prod_1", "metadata": {}, "currency_options": "eur"}""")]
    [InlineData("""{"id": "p", "object": "price", "currency": "usd", "product": "prod_1", "metadata": {}, "currency_options": [1]}""")]
    public void A_map_field_that_is_not_an_object_is_a_JsonException(string json)
    {
        var error = Assert.Throws<JsonException>(() => Price.FromJson(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Contains("an object", error.Message);
    }

    [Theory]
    [InlineData("\"x\"", "String")]
    [InlineData("[]", "StartArray")]
    public void A_map_value_that_is_not_the_object_is_refused_not_read_from_the_fields_after_it(string value, string found)
    {
        // Read as an object, the string would have taken the next entry and the price's own fields for its own.
        var error = Assert.Throws<JsonException>(() => Price.FromJson(System.Text.Encoding.UTF8.GetBytes($$$"""
            {"id": "p", "object": "price", "currency": "usd", "metadata": {}, "product": "prod_1",
             "currency_options": {"eur": {{{value}}}, "jpy": {"unit_amount": 5}}, "unit_amount": 7}
            """)));

        Assert.StartsWith("Expected an object for ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"but found {found} at byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expandable_field_holds_the_ID_and_the_object_only_when_expanded()
    {
        var plain = Price.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"id": "price_1", "object": "price", "currency": "usd", "metadata": {}, "product": "prod_1"}
            """));
        var expanded = Price.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"id": "price_1", "object": "price", "currency": "usd", "metadata": {},
             "product": {"object": "product", "metadata": {"id": "not this one"}, "name": "Pro", "id": "prod_2", "extra": [{"id": "nor this"}]}}
            """));

        Assert.Equal("prod_1", plain.Product);
        Assert.Null(plain.ExpandedProduct);
        Assert.Equal("prod_2", expanded.Product);
        Assert.NotNull(expanded.ExpandedProduct);
        Assert.Equal("prod_2", expanded.ExpandedProduct!.Id);
        Assert.Equal("Pro", expanded.ExpandedProduct.Name);
        Assert.Equal("not this one", expanded.ExpandedProduct.Metadata!["id"]);
    }

    [Fact]
    public void A_nullable_nested_object_reads_as_the_object_or_null()
    {
        var recurring = Price.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"id": "p", "object": "price", "currency": "usd", "metadata": {}, "product": "prod_1",
             "recurring": {"interval": "month", "interval_count": 3}}
            """));
        var oneOff = Price.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"id": "p", "object": "price", "currency": "usd", "metadata": {}, "product": "prod_1", "recurring": null}
            """));

        Assert.NotNull(recurring.Recurring);
        Assert.Equal(3, recurring.Recurring!.IntervalCount);
        Assert.Equal("month", recurring.Recurring.Interval.ToString());
        Assert.Null(oneOff.Recurring);
    }

    [Fact]
    public void A_union_response_fills_the_object_that_came_back()
    {
        var live = CustomerOrDeletedCustomer.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"id": "cus_1", "object": "customer", "created": 1690000000, "livemode": false, "email": "a@example.com", "metadata": {"k": "v"}}
            """));
        var deleted = CustomerOrDeletedCustomer.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"deleted": true, "id": "cus_2", "object": "customer"}
            """));

        Assert.Null(live.DeletedCustomer);
        Assert.Equal("a@example.com", live.Customer!.Email);
        Assert.Equal("v", live.Customer.Metadata!["k"]);
        Assert.Null(deleted.Customer);
        Assert.Equal("cus_2", deleted.DeletedCustomer!.Id);
        Assert.True(deleted.DeletedCustomer.Deleted);
    }

    [Theory]
    [InlineData("""{"id": "card_1", "object": "card"}""", "'card'")]
    [InlineData("""{"id": "cus_1"}""", "no 'object' field")]
    public void A_union_response_holding_an_object_it_does_not_list_is_a_JsonException_naming_both(string json, string named)
    {
        var error = Assert.Throws<JsonException>(() => CustomerOrDeletedCustomer.FromJson(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Contains(named, error.Message);
        Assert.Contains("customer, deleted customer", error.Message);
    }

    [Fact]
    public void An_expandable_list_reads_the_IDs_and_the_objects_when_expanded()
    {
        var expanded = Customer.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"id": "cus_1", "object": "customer", "created": 1690000000, "livemode": false,
             "discounts": [{"id": "di_1", "object": "discount", "start": 1690000000}, {"id": "di_2", "object": "discount", "deleted": true}]}
            """));
        var ids = Customer.FromJson(System.Text.Encoding.UTF8.GetBytes("""
            {"id": "cus_1", "object": "customer", "created": 1690000000, "livemode": false, "discounts": ["di_1", "di_2"]}
            """));

        Assert.Equal(new[] { "di_1", "di_2" }, expanded.Discounts);
        Assert.Equal(2, expanded.ExpandedDiscounts!.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1690000000), expanded.ExpandedDiscounts[0].Discount!.Start);
        Assert.Equal("di_2", expanded.ExpandedDiscounts[1].DeletedDiscount!.Id);
        Assert.Equal(new[] { "di_1", "di_2" }, ids.Discounts);
        Assert.Null(ids.ExpandedDiscounts);
    }
}
