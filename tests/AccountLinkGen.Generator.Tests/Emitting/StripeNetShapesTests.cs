using System;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// The renames of <c>AccountLinkGenCompatibility=StripeNet</c> on a spec made for them (<c>Specs/stripe_net_shapes.yaml</c>):
/// a list of objects names its items in the singular, down the classes inside them; a parameter named
/// <c>…_options</c> still gets <c>Options</c>; and of two parents' services of one resource, only the first takes
/// the resource's name, the other keeps its own. Without the switch every name stays the generator's own.
/// </summary>
public sealed class StripeNetShapesTests
{
    private static readonly string SpecText = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "Emitting", "Specs", "stripe_net_shapes.yaml"));

    private const string Probe = """
        namespace Consumer.Probe
        {
            using System.Collections.Generic;
            using System.Linq;
            using Stripe;

            public static class ShapesProbe
            {
                public static string Encode(bool withNull) => Options(withNull).ToFormUrlEncoded();

                public static string[] Problems() => Options(withNull: true).Validate().Problems.Select(p => p.Param).ToArray();

                // One AddressOptions for both parameters, as in Stripe.net; each still checks what the spec requires there.
                public static string[] AddressProblems() => new PartCreateOptions
                {
                    BillingAddress = new AddressOptions { City = "Berlin" },
                    ShippingAddress = new AddressOptions { City = "Berlin" },
                }.Validate().Problems.Select(p => p.Param).OrderBy(p => p, System.StringComparer.Ordinal).ToArray();

                public static decimal Read(string value) =>
                    Part.FromJson(System.Text.Encoding.UTF8.GetBytes("{\"id\":\"p_1\",\"object\":\"part\",\"count\":1,\"unit_amount_decimal\":" + value + "}")).UnitAmountDecimal ?? -1m;

                public static string[] AnyOfs()
                {
                    var id = new WidgetCreateOptions { Amount = 1, Product = "prod_1", TrialEnd = "now" };
                    var objects = new WidgetCreateOptions
                    {
                        Amount = 2,
                        Product = new WidgetProductOptions { Name = "Shirt" },
                        TrialEnd = new System.DateTime(2023, 11, 14, 22, 13, 20, System.DateTimeKind.Utc),
                    };
                    var invalid = new WidgetCreateOptions { Amount = 3, Product = "prod_12345678" };
                    var incomplete = new WidgetCreateOptions { Amount = 4, Product = new WidgetProductOptions() };
                    return new[]
                    {
                        System.Uri.UnescapeDataString(id.ToFormUrlEncoded()),
                        System.Uri.UnescapeDataString(objects.ToFormUrlEncoded()),
                        string.Join(",", invalid.Validate().Problems.Select(p => p.Param)),
                        string.Join(",", incomplete.Validate().Problems.Select(p => p.Param)),
                    };
                }

                public static string Ranges() => System.Uri.UnescapeDataString(new WidgetListOptions
                {
                    Created = new DateRangeOptions { GreaterThan = new System.DateTime(2023, 11, 14, 22, 13, 20, System.DateTimeKind.Utc) },
                    Amount = new WidgetAmountOptions { Gte = 500 },
                }.ToFormUrlEncoded()) + "|" + System.Uri.UnescapeDataString(new WidgetListOptions { Created = new System.DateTime(2023, 11, 14, 22, 13, 20) }.ToFormUrlEncoded());

                // Stripe.net code sets parameters after construction: no member is C# required, Validate() still checks.
                public static string[] SetAfterConstruction()
                {
                    var options = new WidgetCreateOptions();
                    options.TrialEnd = "now";
                    return options.Validate().Problems.Select(p => p.Param + " " + p.Code).ToArray();
                }

                private static PartCreateOptions Options(bool withNull) => new()
                {
                    UnitAmountDecimal = 0.0000001m,
                    Amounts = withNull ? new List<long?> { 32, null } : new List<long?> { 32, 45 },
                };
            }
        }
        """;

    [Fact]
    public void Nested_options_and_services_take_Stripe_nets_names_where_no_two_types_would_meet()
    {
        GeneratorRun run = Run("StripeNet");

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string[] types = Types(run);
        Assert.Contains("Stripe.PartLineItemOptions", types);
        Assert.Contains("Stripe.PartLineItemPriceDataOptions", types);
        Assert.Contains("Stripe.PartDeliveryOptionsOptions", types);

        // Both services would be PartService: the first in the spec takes it, the other keeps its own name.
        Assert.Contains("Stripe.PartService", types);
        Assert.Contains("Stripe.GadgetPartService", types);
        Assert.DoesNotContain("Stripe.WidgetPartService", types);

        // A lenient read keeps a required number non-nullable.
        IPropertySymbol count = (IPropertySymbol)run.Output.GetTypeByMetadataName("Stripe.Part")!.GetMembers("Count").Single();
        Assert.Equal("long", count.Type.ToDisplayString());
    }

    [Fact]
    public void Decimals_lists_of_numbers_and_addresses_take_Stripe_nets_types_with_the_specs_rules_kept()
    {
        (GeneratorRun run, LoadedProbe probe) = Load();
        using LoadedProbe loaded = probe;

        Assert.Equal(
            "unit_amount_decimal=0.0000001&amounts[0]=32&amounts[1]=45",
            Uri.UnescapeDataString(loaded.Call<string>("Encode", false)));
        Assert.Equal(new[] { "amounts[1]" }, loaded.Call<string[]>("Problems"));
        Assert.Equal(12.5m, loaded.Call<decimal>("Read", "\"12.5\""));
        Assert.Equal(12.5m, loaded.Call<decimal>("Read", "12.5"));
        Assert.Equal(-1m, loaded.Call<decimal>("Read", "null"));
        Assert.Equal(0.0000001m, loaded.Call<decimal>("Read", "\"1E-7\""));
        var unreadable = Assert.Throws<System.Reflection.TargetInvocationException>(() => loaded.Call<decimal>("Read", "\"twelve\""));
        Assert.Equal("JsonException", unreadable.InnerException!.GetType().Name);
        Assert.Equal(new[] { "billing_address[country]", "billing_address[line1]" }, loaded.Call<string[]>("AddressProblems"));
        Assert.DoesNotContain(Types(run), t => t.EndsWith("BillingAddressOptions", StringComparison.Ordinal) || t.EndsWith("ShippingAddressOptions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_delete_the_spec_describes_as_a_cancellation_is_Cancel_and_another_stays_Delete()
    {
        GeneratorRun run = Run("StripeNet");

        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string[] widget = Methods(run, "Stripe.WidgetService");
        Assert.Contains("Cancel", widget);
        Assert.Contains("CancelAsync", widget);
        Assert.DoesNotContain("Delete", widget);
        Assert.Contains("Stripe.WidgetCancelOptions", Types(run));
        Assert.Contains("Delete", Methods(run, "Stripe.GadgetService"));

        GeneratorRun own = Run(string.Empty);
        Assert.Contains("Delete", Methods(own, "Stripe.WidgetService"));
        Assert.Contains("Stripe.WidgetDeleteOptions", Types(own));
    }

    [Fact]
    public void Of_a_lists_and_a_creates_nested_parameters_of_one_name_the_creates_take_the_plain_name()
    {
        Assert.Equal(("Stripe.WidgetRecurringOptions", "Stripe.WidgetListRecurringOptions"), RecurringTypes(Run("StripeNet")));
        Assert.Equal(("Stripe.WidgetCreateRecurringOptions", "Stripe.WidgetRecurringOptions"), RecurringTypes(Run(string.Empty)));
    }

    [Fact]
    public void An_object_or_ID_and_a_keyword_or_time_are_one_AnyOf_member_each_sent_and_checked_as_the_kind_it_holds()
    {
        (GeneratorRun run, LoadedProbe probe) = Load();
        using LoadedProbe loaded = probe;

        Assert.Equal(
            new[] { "amount=1&product=prod_1&trial_end=now", "amount=2&product[name]=Shirt&trial_end=1700000000", "product", "product[name]" },
            loaded.Call<string[]>("AnyOfs"));
        Assert.Equal(new[] { "amount required" }, loaded.Call<string[]>("SetAfterConstruction"));
        Assert.Equal("created[gt]=1700000000&amount[gte]=500|created=1700000000", loaded.Call<string>("Ranges"));
        Assert.DoesNotContain(Types(run), t => t.EndsWith("ProductId", StringComparison.Ordinal));
        Assert.Empty(run.Output.GetTypeByMetadataName("Stripe.WidgetCreateOptions")!.GetMembers("ProductId"));
    }

    [Fact]
    public void An_updates_nested_parameter_of_the_creates_name_merges_into_the_creates_class()
    {
        GeneratorRun run = Run("StripeNet");

        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("Stripe.WidgetRecurringOptions", Recurring(run, "Stripe.WidgetUpdateOptions"));
        string[] members = run.Output.GetTypeByMetadataName("Stripe.WidgetRecurringOptions")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "Anchor", "Interval", "IntervalCount" }, members.OrderBy(m => m, StringComparer.Ordinal));
        Assert.DoesNotContain("Stripe.WidgetUpdateRecurringOptions", Types(run));
        Assert.Equal("Stripe.WidgetUpdateRecurringOptions", Recurring(Run(string.Empty), "Stripe.WidgetUpdateOptions"));
    }

    [Fact]
    public void A_resource_whose_name_ends_its_merged_services_takes_the_services_name()
    {
        string[] compat = Types(Run("StripeNet"));
        string[] own = Types(Run(string.Empty));

        Assert.Contains("Stripe.GadgetBoxLidService", compat);
        Assert.Contains("Stripe.GadgetBoxLid", compat);
        Assert.DoesNotContain("Stripe.BoxLid", compat);
        Assert.Contains("Stripe.BoxLid", own);
    }

    [Fact]
    public void Without_the_switch_the_names_are_the_generators_own()
    {
        GeneratorRun run = Run(string.Empty);

        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string[] types = Types(run);
        Assert.Contains("Stripe.WidgetPartService", types);
        Assert.Contains("Stripe.GadgetPartService", types);
        Assert.DoesNotContain("Stripe.PartService", types);
        Assert.DoesNotContain(types, t => t.EndsWith("OptionsOptions", System.StringComparison.Ordinal));
        Assert.DoesNotContain(types, t => t.Contains("LineItem", System.StringComparison.Ordinal) && !t.Contains("LineItems", System.StringComparison.Ordinal));
    }

    private static GeneratorRun Run(string compatibility) => Harness(compatibility).Run();

    /// <summary>The mode's output with the probe, compiled clean and loaded.</summary>
    private static (GeneratorRun Run, LoadedProbe Probe) Load()
    {
        GeneratorHarness harness = Harness("StripeNet");
        harness.Sources.Add(Probe);
        GeneratorRun run = harness.Run();
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return (run, new LoadedProbe(run, "Consumer.Probe.ShapesProbe", nameof(StripeNetShapesTests)));
    }

    private static GeneratorHarness Harness(string compatibility)
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Stripe").WithProperty("AccountLinkGenCompatibility", compatibility);
        harness.AdditionalFiles.Add(("/repo/spec/stripe_net_shapes.yaml", SpecText));
        return harness;
    }

    private static (string Create, string List) RecurringTypes(GeneratorRun run)
    {
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return (Recurring(run, "Stripe.WidgetCreateOptions"), Recurring(run, "Stripe.WidgetListOptions"));
    }

    private static string Recurring(GeneratorRun run, string options) =>
        ((IPropertySymbol)run.Output.GetTypeByMetadataName(options)!.GetMembers("Recurring").Single()).Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();

    private static string[] Methods(GeneratorRun run, string service) =>
        run.Output.GetTypeByMetadataName(service)!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).ToArray();

    private static string[] Types(GeneratorRun run) =>
        run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingType is null)
            .Select(t => t.ToDisplayString())
            .ToArray();
}
