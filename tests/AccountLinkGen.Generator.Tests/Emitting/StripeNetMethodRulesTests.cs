using System;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// The names <c>AccountLinkGenCompatibility=StripeNet</c> gives by Stripe.net's rules rather than by a path's words,
/// on a spec made for them (<c>Specs/stripe_net_rules.yaml</c>). Without the switch every name stays the generator's own.
/// </summary>
public sealed class StripeNetMethodRulesTests
{
    private static readonly string SpecText = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "Emitting", "Specs", "stripe_net_rules.yaml"));

    [Fact]
    public void An_action_named_with_its_resource_takes_options_named_with_the_whole_method_but_finalize_keeps_its_own()
    {
        GeneratorRun run = Run("StripeNet");

        Assert.Contains("ReturnGadget", Methods(run, "Stripe.TestHelpers.GadgetService"));
        Assert.Contains("ReturnGadgetAsync", Methods(run, "Stripe.TestHelpers.GadgetService"));
        Assert.Contains("Stripe.TestHelpers.GadgetReturnGadgetOptions", Types(run));
        // Only the verb as a word of its own is renamed: returned_details keeps its class's name.
        Assert.Contains("Stripe.TestHelpers.GadgetReturnedDetailsOptions", Types(run));

        Assert.Contains("FinalizeGadget", Methods(run, "Stripe.GadgetService"));
        Assert.Contains("Stripe.GadgetFinalizeOptions", Types(run));

        GeneratorRun own = Run(string.Empty);
        Assert.Contains("ReturnGadget", Methods(own, "Stripe.TestHelpersGadgetService"));
        Assert.Contains("Stripe.TestHelpersGadgetReturnOptions", Types(own));
    }

    [Fact]
    public void A_top_level_singletons_read_beside_its_items_is_GetSelf()
    {
        GeneratorRun run = Run("StripeNet");

        var getSelf = run.Output.GetTypeByMetadataName("Stripe.GadgetService")!.GetMembers("GetSelf").OfType<IMethodSymbol>().ToList();
        Assert.NotEmpty(getSelf);
        Assert.All(getSelf, m => Assert.DoesNotContain(m.Parameters, p => p.Type.SpecialType == SpecialType.System_String));

        // Its only parameter is expand: as in Stripe.net 42, it takes request options alone (GetSelf(requestOptions)),
        // and, as in later versions, options beside it, which are then required so that no call but GetSelf(null) can
        // mean both.
        Assert.Single(getSelf, m => m.Parameters[0].Name == "requestOptions");
        IMethodSymbol withOptions = Assert.Single(getSelf, m => m.Parameters[0].Name == "options");
        Assert.False(withOptions.Parameters[0].IsOptional);
        Assert.Equal(2, run.Output.GetTypeByMetadataName("Stripe.GadgetService")!.GetMembers("GetSelfAsync").Length);

        // A read with a parameter besides expand is not one of them.
        IMethodSymbol upcoming = Assert.Single(run.Output.GetTypeByMetadataName("Stripe.GadgetService")!.GetMembers("Upcoming").OfType<IMethodSymbol>());
        Assert.Equal("options", upcoming.Parameters[0].Name);
        // The item's read keeps Get, with the gadget's ID.
        Assert.All(run.Output.GetTypeByMetadataName("Stripe.GadgetService")!.GetMembers("Get").OfType<IMethodSymbol>(), m => Assert.Equal("gadget", m.Parameters[0].Name));

        GeneratorRun own = Run(string.Empty);
        Assert.Empty(own.Output.GetTypeByMetadataName("Stripe.GadgetService")!.GetMembers("GetSelf"));
        var ownRead = own.Output.GetTypeByMetadataName("Stripe.GadgetService")!.GetMembers("GetAsync").OfType<IMethodSymbol>().Single(m => m.Parameters[0].Type.SpecialType != SpecialType.System_String);
        Assert.Equal("options", ownRead.Parameters[0].Name);
    }

    [Fact]
    public void A_singletons_two_reads_are_told_apart_by_their_arguments_as_in_Stripe_net()
    {
        GeneratorRun run = Run("StripeNet");
        SyntaxTree calls = CSharpSyntaxTree.ParseText(
            """
            namespace Calls;

            using System.Threading;
            using Stripe;

            public static class Reads
            {
                public static void Told(GadgetService service, RequestOptions requestOptions, OwnGadgetGetOptions options, CancellationToken token)
                {
                    service.GetSelf();
                    service.GetSelf(requestOptions);
                    service.GetSelf(options);
                    service.GetSelf(null, requestOptions);
                    service.GetSelf(null);
                    service.GetSelfAsync(requestOptions, token);
                    service.GetSelfAsync(null, token);
                    service.GetSelfAsync(options, requestOptions, token);
                }

                public static void Ambiguous(GadgetService service) => service.GetSelfAsync(null);
            }
            """,
            (CSharpParseOptions)run.Output.SyntaxTrees.First().Options);

        var errors = run.Output.AddSyntaxTrees(calls).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        // Get(null) is the read without options (every parameter given beats defaults filled in), as in Stripe.net 42;
        // only the async lone null, which leaves defaults to fill in either way, fits both.
        Diagnostic ambiguous = Assert.Single(errors);
        Assert.Equal("CS0121", ambiguous.Id);
        Assert.Contains("Ambiguous", calls.GetText().Lines[ambiguous.Location.GetLineSpan().StartLinePosition.Line].ToString(), StringComparison.Ordinal);

        // The two reads are one use of the gadget in its summary.
        string gadget = run.Source("stripe_net_rules.Stripe.Gadget.g.cs");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(gadget, "<c>GET /v1/gadget</c>"));
    }

    [Fact]
    public void The_modes_services_document_every_overload_and_twin_without_a_warning()
    {
        // Crefs to overloads name their parameters, and synchronous methods without a token leave its docs out.
        GeneratorHarness harness = Harness("StripeNet");
        harness.DocumentationMode = DocumentationMode.Diagnose;

        GeneratorRun run = harness.Run();

        Assert.Empty(run.GeneratedCodeDiagnostics);
        Assert.Contains("ListAutoPaging", Methods(run, "Stripe.UsageSummaryService"));
    }

    [Fact]
    public void A_post_named_delete_on_a_collection_is_DeleteWhere()
    {
        GeneratorRun run = Run("StripeNet");

        Assert.Contains("DeleteWhere", Methods(run, "Stripe.SecretService"));
        Assert.DoesNotContain("Delete", Methods(run, "Stripe.SecretService"));
        Assert.Contains("Stripe.SecretDeleteWhereOptions", Types(run));

        // An item's DELETE stays Delete.
        Assert.Contains("Delete", Methods(run, "Stripe.GadgetService"));
        Assert.Contains("Delete", Methods(Run(string.Empty), "Stripe.SecretService"));
    }

    [Fact]
    public void A_resource_whose_ID_has_no_package_is_in_the_namespace_of_the_one_package_that_serves_it()
    {
        GeneratorRun run = Run("StripeNet");

        Assert.Contains("Stripe.Sigma.QueryRun", Types(run));
        Assert.Contains("Stripe.Sigma.QueryRunService", Types(run));
        Assert.Contains("Stripe.QueryRun", Types(Run(string.Empty)));
    }

    [Fact]
    public void A_part_of_an_item_and_an_object_only_made_on_it_are_methods_of_the_items_service()
    {
        GeneratorRun run = Run("StripeNet");

        string[] gadget = Methods(run, "Stripe.GadgetService");
        Assert.Contains("RetrieveFeatures", gadget);
        Assert.Contains("UpdateFeaturesAsync", gadget);
        Assert.Contains("CreateFundingInstructions", gadget);
        Assert.Contains("Stripe.GadgetUpdateFeaturesOptions", Types(run));
        Assert.Contains("Stripe.GadgetCreateFundingInstructionsOptions", Types(run));

        // The nested class of the made object is named after the item's resource.
        var bankTransfer = (IPropertySymbol)run.Output.GetTypeByMetadataName("Stripe.GadgetCreateFundingInstructionsOptions")!.GetMembers("BankTransfer").Single();
        Assert.Equal("Stripe.GadgetBankTransferOptions", bankTransfer.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString());
        Assert.DoesNotContain(Types(run), t => t.StartsWith("Stripe.FundingInstructions", StringComparison.Ordinal) && t.EndsWith("Options", StringComparison.Ordinal));

        // A resource of its own under the item, read and changed there, keeps its service.
        Assert.Contains("Get", Methods(run, "Stripe.CashBalanceService"));
        Assert.DoesNotContain(gadget, m => m.Contains("CashBalance", StringComparison.Ordinal));

        GeneratorRun own = Run(string.Empty);
        Assert.DoesNotContain(Methods(own, "Stripe.GadgetService"), m => m.Contains("Features", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_under_an_item_of_what_the_item_does_not_hold_is_a_service_of_its_own()
    {
        GeneratorRun run = Run("StripeNet");

        Assert.Contains("List", Methods(run, "Stripe.UsageSummaryService"));
        Assert.Contains("ListAutoPaging", Methods(run, "Stripe.UsageSummaryService"));
        Assert.Contains("Stripe.UsageSummaryListOptions", Types(run));
        string[] gadget = Methods(run, "Stripe.GadgetService");
        Assert.DoesNotContain(gadget, m => m.Contains("UsageSummaries", StringComparison.Ordinal));
        Assert.Contains("ListLines", gadget);

        GeneratorRun own = Run(string.Empty);
        Assert.Contains("ListUsageSummaries", Methods(own, "Stripe.GadgetService"));
    }

    [Fact]
    public void A_parameter_of_one_of_two_objects_is_one_class_with_both_objects_members_shared_with_the_updates()
    {
        var harness = Harness("StripeNet");
        harness.Sources.Add("""
            namespace Consumer.Probe
            {
                using System.Linq;
                using Stripe;

                public static class UnionProbe
                {
                    public static string Details() => System.Uri.UnescapeDataString(new GadgetCreateOptions { Card = new GadgetCardOptions { Number = "4242", ExpMonth = 8, Cvc = "314" } }.ToFormUrlEncoded());

                    public static string Token() => System.Uri.UnescapeDataString(new GadgetCreateOptions { Card = new GadgetCardOptions { Token = "tok_1" } }.ToFormUrlEncoded());

                    public static int TokenProblems() => new GadgetCreateOptions { Card = new GadgetCardOptions { Token = "tok_1" } }.Validate().Problems.Count;

                    public static string OffSession() => new GadgetCreateOptions { OffSession = true }.ToFormUrlEncoded() + "&" + new GadgetCreateOptions { OffSession = "one_off" }.ToFormUrlEncoded();

                    public static string Update() => System.Uri.UnescapeDataString(new GadgetUpdateOptions { Card = new GadgetCardOptions { ExpMonth = 9 } }.ToFormUrlEncoded());
                }
            }
            """);
        GeneratorRun run = harness.Run();
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        using var probe = new LoadedProbe(run, "Consumer.Probe.UnionProbe", nameof(StripeNetMethodRulesTests));

        // The update's class is the merged one: its members first, then the objects'.
        Assert.Equal("card[exp_month]=8&card[number]=4242&card[cvc]=314", probe.Call<string>("Details"));
        Assert.Equal("card[token]=tok_1", probe.Call<string>("Token"));
        // Which object the members make is Stripe's to check: a token alone has no missing number.
        Assert.Equal(0, probe.Call<int>("TokenProblems"));
        Assert.Equal("card[exp_month]=9", probe.Call<string>("Update"));
        // A boolean-or-keyword parameter is Stripe.net's AnyOf<bool?, string>.
        Assert.Equal("off_session=true&off_session=one_off", probe.Call<string>("OffSession"));
        Assert.DoesNotContain(Types(run), t => t.Contains("CardDetails", StringComparison.Ordinal) || t.Contains("CardToken", StringComparison.Ordinal));

        GeneratorRun own = Run(string.Empty);
        Assert.NotNull(own.Output.GetTypeByMetadataName("Stripe.GadgetCreateOptions")!.GetMembers("CardDetails").SingleOrDefault());
    }

    [Fact]
    public void The_upcoming_action_takes_options_named_with_its_word_first_and_its_nested_classes_keep_theirs()
    {
        GeneratorRun run = Run("StripeNet");

        var upcoming = run.Output.GetTypeByMetadataName("Stripe.GadgetService")!.GetMembers("Upcoming").OfType<IMethodSymbol>().ToList();
        Assert.NotEmpty(upcoming);
        Assert.All(upcoming, m => Assert.Equal("Stripe.UpcomingGadgetOptions", m.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString()));
        // Only the operation's own class moves: the class of its subscription_items keeps its name.
        Assert.Equal("Stripe.UpcomingGadgetOptions", Assert.Single(Types(run), t => t.StartsWith("Stripe.UpcomingGadget", StringComparison.Ordinal)));
        var items = (IPropertySymbol)run.Output.GetTypeByMetadataName("Stripe.UpcomingGadgetOptions")!.GetMembers("SubscriptionItems").Single();
        Assert.Equal("System.Collections.Generic.List<Stripe.GadgetSubscriptionItemOptions>", items.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString());
        Assert.Contains("Stripe.GadgetUpcomingOptions", Types(Run(string.Empty)));
    }

    /// <summary>
    /// A model's lists and maps: <c>List</c> and <c>Dictionary</c>, as Stripe.net's, so that code which changes them
    /// or passes them on to options compiles; read-only in the generator's own shape. An expandable list's IDs and
    /// objects alike.
    /// </summary>
    [Fact]
    public void A_models_lists_and_maps_are_List_and_Dictionary_as_in_Stripe_net_and_read_only_otherwise()
    {
        string[] stripeNet = PropertyTypes(Run("StripeNet"), "Stripe.Gadget", "Metadata", "Tags", "Counts", "SecretIds", "Secrets");
        // The generator's own names an expandable list's IDs after the field and its objects Expanded…
        string[] own = PropertyTypes(Run(string.Empty), "Stripe.Gadget", "Metadata", "Tags", "Counts", "Secrets", "ExpandedSecrets");

        Assert.Equal(
            new[]
            {
                "System.Collections.Generic.Dictionary<string, string>?",
                "System.Collections.Generic.List<string>?",
                "System.Collections.Generic.Dictionary<string, long>?",
                "System.Collections.Generic.List<string>?",
                "System.Collections.Generic.List<Stripe.Secret>?",
            },
            stripeNet);
        Assert.Equal(
            new[]
            {
                "System.Collections.Generic.IReadOnlyDictionary<string, string>?",
                "System.Collections.Generic.IReadOnlyList<string>?",
                "System.Collections.Generic.IReadOnlyDictionary<string, long>?",
                "System.Collections.Generic.IReadOnlyList<string>?",
                "System.Collections.Generic.IReadOnlyList<Stripe.Secret>?",
            },
            own);
    }

    private static string[] PropertyTypes(GeneratorRun run, string type, params string[] names)
    {
        INamedTypeSymbol model = run.Output.GetTypeByMetadataName(type) ?? throw new InvalidOperationException(type + " is not generated: " + string.Join(", ", Types(run)));
        return names.Select(name => model.GetMembers(name).OfType<IPropertySymbol>().SingleOrDefault()?.Type.ToDisplayString() ?? name + " is missing from " + string.Join(", ", model.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name))).ToArray();
    }

    private static GeneratorHarness Harness(string compatibility)
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Stripe").WithProperty("AccountLinkGenCompatibility", compatibility);
        harness.AdditionalFiles.Add(("/repo/spec/stripe_net_rules.yaml", SpecText));
        return harness;
    }

    private static GeneratorRun Run(string compatibility)
    {
        GeneratorRun run = Harness(compatibility).Run();
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return run;
    }

    private static string[] Methods(GeneratorRun run, string service) =>
        (run.Output.GetTypeByMetadataName(service) ?? throw new InvalidOperationException(service + " is not generated: " + string.Join(", ", Types(run))))
            .GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).ToArray();

    private static string[] Types(GeneratorRun run) =>
        run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingType is null)
            .Select(t => t.ToDisplayString())
            .ToArray();
}
