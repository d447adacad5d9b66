using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// <c>AccountLinkGenCompatibility=StripeNet</c> places the types of Stripe's packages in namespaces of their own, as
/// Stripe.net does, and names the service of a resource under another's item after the resource alone; without the
/// switch every type stays in the one namespace under the generator's own names. Checked on the compiled output of a
/// small spec with the packages <c>checkout</c>, <c>tax</c> and <c>test_helpers/issuing</c>.
/// </summary>
public sealed class StripeNetNamespacesTests
{
    private static readonly string NamesText = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "Parsing", "Specs", "stripe_names.yaml"));

    [Fact]
    public void A_packages_services_and_the_resources_they_return_move_into_its_namespace()
    {
        GeneratorRun run = Run(compatibility: "StripeNet");

        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.Checkout.SessionService"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.Checkout.Session"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.Tax.TransactionService"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.Tax.Transaction"));

        // The longest package wins: test_helpers/issuing, not test_helpers.
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.TestHelpers.Issuing.CardService"));

        // A resource no operation of its package returns stays where it was: issuing.card is returned here only by
        // a test helper.
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.IssuingCard"));

        // Types outside any package stay in the root namespace, under their own names.
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.AccountService"));
        Assert.Null(run.Output.GetTypeByMetadataName("Stripe.CheckoutSessionService"));

        // A resource served under another's item names its service alone where the two share no word.
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.PersonService"));
        Assert.Null(run.Output.GetTypeByMetadataName("Stripe.AccountPersonService"));

        // A moved service returns the moved resource.
        IMethodSymbol get = run.Output.GetTypeByMetadataName("Stripe.Checkout.SessionService")!.GetMembers("Get").OfType<IMethodSymbol>().Single();
        Assert.Equal("Stripe.Checkout.Session", get.ReturnType.ToDisplayString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("None")]
    public void Without_the_switch_every_type_stays_in_the_one_namespace(string compatibility)
    {
        GeneratorRun run = Run(compatibility);

        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.CheckoutSessionService"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.CheckoutSession"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.TestHelpersIssuingCardService"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Stripe.AccountPersonService"));
        Assert.Null(run.Output.GetTypeByMetadataName("Stripe.Checkout.SessionService"));
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("namespace Stripe.Checkout"));
    }

    private static GeneratorRun Run(string compatibility)
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Stripe").WithProperty("AccountLinkGenCompatibility", compatibility);
        harness.AdditionalFiles.Add(("/repo/spec/stripe_names.yaml", NamesText));
        return harness.Run();
    }
}
