using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using AccountLinkGen.Wire.Tests.Generated;
using AccountLinkGen.Wire.Tests.Support;
using System.Linq;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Wire.Tests.Encoding;

/// <summary>
/// The shapes the account-link request lacks, from <c>Specs/shapes.yaml</c>: maps of objects
/// (<c>currency_options[eur][tiers][0][up_to]</c>), lists of objects, string maps and nested objects with required
/// members, and a parameter that is an object or the ID of one (a plan's <c>product</c>). Random options must encode
/// to the same multiset of pairs as Stripe.net 53.1.0's <c>PriceService</c> and <c>PlanService</c> send. <c>WIRE_ITERATIONS</c> samples more.
/// </summary>
public sealed class ShapesEncoderDifferentialTests : IClassFixture<StripeNetEncoder>
{
    private const int DefaultIterations = 1000;

    private readonly StripeNetEncoder _stripeNet;
    private readonly ITestOutputHelper _output;

    public ShapesEncoderDifferentialTests(StripeNetEncoder stripeNet, ITestOutputHelper output)
    {
        _stripeNet = stripeNet;
        _output = output;
    }

    private static long Iterations => Sampling.Iterations(DefaultIterations);

    [Fact]
    public Task Random_price_options_encode_exactly_as_StripeNet_does() =>
        SampleAgainstStripeNet(PriceGen.Options, _stripeNet.EncodeAsync, options => options.ToFormUrlEncoded());

    /// <summary>Samples <paramref name="gen"/>; each case must encode to Stripe.net's pairs. A failure prints our body.</summary>
    private Task SampleAgainstStripeNet<T>(Gen<T> gen, Func<T, Task<string>> theirs, Func<T, string> ours) =>
        gen.SampleAsync(
            async options => FormPairs.AssertSame(await theirs(options), ours(options)),
            writeLine: _output.WriteLine,
            iter: Iterations,
            print: options => OptionsGen.Escape(ours(options)));

    [Fact]
    public async Task A_map_of_objects_nests_each_value_under_its_escaped_key()
    {
        // A key with a '[' carries its own deeper path, as in Stripe.net: "a b&[]" closes before its '['.
        var options = new PriceCreateOptions
        {
            Currency = "usd",
            CurrencyOptions = new Dictionary<string, PriceCurrencyOptions>
            {
                ["eur"] = new()
                {
                    UnitAmount = 900,
                    Tiers = new() { new() { UpTo = "inf", UnitAmountDecimal = "1.50" } },
                },
                ["a b&[]"] = new() { CustomUnitAmount = new() { Enabled = true } },
                ["empty"] = new(),
            },
        };

        string body = options.ToFormUrlEncoded();

        Assert.Equal(
            "currency=usd"
            + "&currency_options[eur][tiers][0][unit_amount_decimal]=1.50&currency_options[eur][tiers][0][up_to]=inf"
            + "&currency_options[eur][unit_amount]=900"
            + "&currency_options[a+b%26][][custom_unit_amount][enabled]=true",
            body);
        FormPairs.AssertSame(await _stripeNet.EncodeAsync(options), body);
    }

    [Fact]
    public async Task Empty_lists_of_objects_are_sent_as_an_empty_value_and_empty_maps_not_at_all()
    {
        var options = new PriceCreateOptions
        {
            Currency = "usd",
            Tiers = new(),
            Metadata = new(),
            CurrencyOptions = new() { ["eur"] = new() { Tiers = new() } },
        };

        string body = options.ToFormUrlEncoded();

        Assert.Equal("currency=usd&currency_options[eur][tiers]=&tiers=", body);
        FormPairs.AssertSame(await _stripeNet.EncodeAsync(options), body);
    }

    [Fact]
    public void Null_map_values_are_not_sent_and_validation_names_each_one()
    {
        // Stripe.net sends a null value as "key=" (which unsets a metadata key); we send nothing for null and make
        // Validate() name it, so the caller chooses: "" to unset, or remove the key.
        var options = new PriceCreateOptions
        {
            Currency = "usd",
            Metadata = new() { ["gone"] = null!, ["kept"] = "v" },
            CurrencyOptions = new() { ["eur"] = null!, ["gbp"] = new() { UnitAmount = 1 } },
        };

        Assert.Equal("currency=usd&currency_options[gbp][unit_amount]=1&metadata[kept]=v", options.ToFormUrlEncoded());
        var result = options.Validate();
        Assert.False(result.IsValid);
        Assert.Equal(
            new[] { "currency_options[eur]", "metadata[gone]" },
            result.Problems.Select(p => p.Param).Order(StringComparer.Ordinal));
        Assert.All(result.Problems, p => Assert.Equal(ValidationCodes.Required, p.Code));
    }

    [Fact]
    public void Problems_inside_map_values_are_reported_under_the_map_key()
    {
        var options = new PriceCreateOptions
        {
            Currency = "usd",
            CurrencyOptions = new()
            {
                ["eur"] = new() { Tiers = new() { new() { UpTo = "" }, null! } },
                ["gbp"] = new() { TaxBehavior = (PriceCurrencyOptionsTaxBehavior)99 },
            },
            Metadata = new() { ["note"] = "nul\u0000" },
        };

        var result = options.Validate();

        Assert.Equal(
            new[]
            {
                "currency_options[eur][tiers][0][up_to]",
                "currency_options[eur][tiers][1]",
                "currency_options[gbp][tax_behavior]",
                "metadata[note]",
            },
            result.Problems.Select(p => p.Param).Order(StringComparer.Ordinal));
    }

    [Fact]
    public Task Random_plan_options_with_a_product_or_its_ID_encode_exactly_as_StripeNet_does() =>
        SampleAgainstStripeNet(PriceGen.Plans, _stripeNet.EncodeAsync, options => options.ToFormUrlEncoded());

    [Fact]
    public void A_product_set_both_as_an_ID_and_as_an_object_is_one_problem_and_either_alone_is_valid()
    {
        var both = new PlanCreateOptions { Currency = "usd", Interval = PlanInterval.Month, ProductId = "prod_1", Product = new() { Name = "Gold" } };
        var byId = new PlanCreateOptions { Currency = "usd", Interval = PlanInterval.Month, ProductId = "prod_1" };
        var inline = new PlanCreateOptions { Currency = "usd", Interval = PlanInterval.Month, Product = new() { Name = "Gold", UnitLabel = "seat" } };
        var badId = new PlanCreateOptions { Currency = "usd", Interval = PlanInterval.Month, ProductId = "prod\u00001" };

        var problem = Assert.Single(both.Validate().Problems);
        Assert.Equal(("product", ValidationCodes.MutuallyExclusive), (problem.Param, problem.Code));
        Assert.True(byId.Validate().IsValid);
        Assert.True(inline.Validate().IsValid);
        Assert.Equal("currency=usd&interval=month&product=prod_1", byId.ToFormUrlEncoded());
        Assert.Equal("currency=usd&interval=month&product[name]=Gold&product[unit_label]=seat", inline.ToFormUrlEncoded());
        Assert.Equal(("product", ValidationCodes.ControlCharacter), (Assert.Single(badId.Validate().Problems).Param, badId.Validate().Problems[0].Code));
    }
}
