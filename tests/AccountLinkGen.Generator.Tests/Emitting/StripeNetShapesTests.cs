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

    private static GeneratorRun Run(string compatibility)
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Stripe").WithProperty("AccountLinkGenCompatibility", compatibility);
        harness.AdditionalFiles.Add(("/repo/spec/stripe_net_shapes.yaml", SpecText));
        return harness.Run();
    }

    private static string[] Types(GeneratorRun run) =>
        run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingType is null)
            .Select(t => t.ToDisplayString())
            .ToArray();
}
