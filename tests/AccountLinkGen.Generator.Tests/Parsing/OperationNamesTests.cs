using System.Collections.Generic;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

/// <summary>
/// Service and method names for the shapes of Stripe's paths: from the SDK variant's <c>x-stripeResource</c> and
/// <c>x-stripeOperations</c>, and from the path rules when the same spec lacks them, which must agree.
/// </summary>
public sealed class OperationNamesTests
{
    private static readonly string SdkText = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "Parsing", "Specs", "stripe_names.yaml"));

    private static readonly SpecModel Sdk = ModelBuilder.Parse(SdkText);

    private static readonly SpecModel Plain = ModelBuilder.Parse(WithoutSdkExtensions(SdkText));

    public static TheoryData<string, string> Shapes => new()
    {
        { "GET /v1/balance", "BalanceService.GetAsync" },
        { "GET /v1/account", "AccountService.GetAsync" },
        { "GET /v1/accounts", "AccountService.ListAsync" },
        { "GET /v1/accounts/{account}", "AccountService.GetAsync" },
        { "POST /v1/accounts/{account}/persons", "AccountPersonService.CreateAsync" },
        { "DELETE /v1/accounts/{account}/persons/{person}", "AccountPersonService.DeleteAsync" },
        { "POST /v1/accounts/{account}/login_links", "AccountLoginLinkService.CreateAsync" },
        { "POST /v1/3d_secure", "ThreeDSecureService.CreateAsync" },
        { "GET /v1/3d_secure/{three_d_secure}", "ThreeDSecureService.GetAsync" },
        { "POST /v1/checkout/sessions", "CheckoutSessionService.CreateAsync" },
        { "GET /v1/checkout/sessions/{session}", "CheckoutSessionService.GetAsync" },
        { "GET /v1/customers/{customer}/cash_balance", "CustomerCashBalanceService.GetAsync" },
        { "POST /v1/customers/{customer}/cash_balance", "CustomerCashBalanceService.UpdateAsync" },
        { "GET /v1/customers/{customer}/sources/{id}", "CustomerPaymentSourceService.GetAsync" },
        { "POST /v1/customers/{customer}/sources/{id}", "CustomerPaymentSourceService.UpdateAsync" },
        { "POST /v1/invoiceitems", "InvoiceItemService.CreateAsync" },
        { "GET /v1/invoices/{invoice}", "InvoiceService.GetAsync" },
        { "POST /v1/invoices/{invoice}/finalize", "InvoiceService.FinalizeInvoiceAsync" },
        { "POST /v1/invoices/{invoice}/mark_uncollectible", "InvoiceService.MarkUncollectibleAsync" },
        { "GET /v1/invoices/{invoice}/lines", "InvoiceService.ListLineItemsAsync" },
        { "DELETE /v1/subscriptions/{subscription_exposed_id}/discount", "SubscriptionService.DeleteDiscountAsync" },
        { "POST /v1/tax/transactions/create_from_calculation", "TaxTransactionService.CreateFromCalculationAsync" },
        { "GET /v1/tax/transactions/{transaction}", "TaxTransactionService.GetAsync" },
        { "POST /v1/test_helpers/issuing/cards/{card}/shipping/deliver", "TestHelpersIssuingCardService.DeliverCardAsync" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SdkExtensions_NameTheOperation(string operation, string expected) => Assert.Equal(expected, NameOf(Sdk, operation));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void PathRules_GiveTheSameName_WhereTheSpecLacksTheExtensions(string operation, string expected) => Assert.Equal(expected, NameOf(Plain, operation));

    [Fact]
    public void Models_AreNamedByTheirClass_WithPackageAndOuterClass()
    {
        foreach (SpecModel model in new[] { Sdk, Plain })
        {
            var names = model.Responses.Select(r => r.Name).ToList();
            Assert.Contains("InvoiceItem", names);
            Assert.Contains("CheckoutSession", names);
            Assert.Contains("ThreeDSecure", names);
            Assert.Contains("TaxTransaction", names);
        }

        // A class inside another is named after both where the SDK spec says so; the plain spec has only its title.
        Assert.Contains(Sdk.Responses, r => r.Name == "CheckoutSessionPaymentMethodOptions");
        Assert.Contains(Plain.Responses, r => r.Name == "CheckoutSessionPaymentMethodOptionsResource");
    }

    [Fact]
    public void WhereStripeNamesAnOperationOtherwiseThanThePathRules_TheSdkSpecWins()
    {
        // Stripe's SDKs cancel a subscription with DELETE; the path alone says delete.
        Assert.Equal("SubscriptionService.CancelAsync", NameOf(Sdk, "DELETE /v1/subscriptions/{subscription_exposed_id}"));
        Assert.Equal("SubscriptionService.DeleteAsync", NameOf(Plain, "DELETE /v1/subscriptions/{subscription_exposed_id}"));
    }

    [Fact]
    public void ActionsAndSubResources_AreMethodsOfTheirResourcesService_NeverServicesOfTheirOwn()
    {
        foreach (SpecModel model in new[] { Sdk, Plain })
        {
            var services = model.Operations.Select(o => o.ServiceName).Distinct().ToList();
            Assert.DoesNotContain(services, s => s.Contains("Finalize") || s.Contains("Calculation") || s.Contains("Deliver") || s.Contains("Discount") || s.Contains("Line"));
            Assert.DoesNotContain(model.Operations.Select(o => o.ServiceName + "." + o.MethodName).Concat(model.Responses.Select(r => r.Name)), n => n.StartsWith("Value"));
        }
    }

    [Fact]
    public void TheSingleton_AndTheItem_AreOverloadsOfOneMethod_SharingTheirOptions()
    {
        var gets = Sdk.Operations.Where(o => o.ServiceName == "AccountService" && o.MethodName == "GetAsync").OrderBy(o => o.PathParameters.Count).ToList();

        Assert.Equal(new[] { 0, 1 }, gets.Select(o => o.PathParameters.Count));
        Assert.DoesNotContain(Sdk.Diagnostics, d => d.Id == "ALG0005");
    }

    [Fact]
    public void AnActionsOptions_AreNamedWithoutTheResourceItsMethodRepeats()
    {
        string text = SdkText.Replace(
            "      operationId: PostInvoicesInvoiceFinalize\n",
            "      operationId: PostInvoicesInvoiceFinalize\n      requestBody: { content: { application/x-www-form-urlencoded: { schema: { properties: { auto_advance: { type: boolean } }, type: object } } } }\n");

        OperationModel finalize = ModelBuilder.Parse(text).Operations.Single(o => o.Path == "/v1/invoices/{invoice}/finalize");

        Assert.Equal(("FinalizeInvoiceAsync", "InvoiceFinalizeOptions"), (finalize.MethodName, finalize.OptionsClass));
    }

    [Fact]
    public void ANameDoesNotDependOnTheFilter()
    {
        SpecModel filtered = ModelBuilder.Parse(SdkText, filter: "PostInvoicesInvoiceFinalize;GetCustomersCustomerCashBalance");

        Assert.Equal(
            new[] { "CustomerCashBalanceService.GetAsync", "InvoiceService.FinalizeInvoiceAsync" },
            filtered.Operations.Select(o => o.ServiceName + "." + o.MethodName).OrderBy(n => n));
    }

    [Fact]
    public void AParameterOverridePlaceholder_GeneratesNothing_AndItsParametersReachTheRealOperation()
    {
        Assert.DoesNotContain(Sdk.Operations, o => o.Path.Contains("x-stripeParametersOverride"));
        Assert.DoesNotContain(Sdk.Diagnostics, d => d.Id == "ALG0017");
        Assert.Contains(Sdk.OptionsClasses.Single(c => c.Name == "CustomerPaymentSourceUpdateOptions").Properties, p => p.WireName == "exp_month");
    }

    [Fact]
    public void AParameterThePlaceholderHasAndTheRealOperationLacks_IsReported()
    {
        string text = SdkText.Replace(
            "              properties:\n                exp_month: { type: integer }\n              type: object\n      responses:\n        '200': { content: { application/json: { schema: { $ref: '#/components/schemas/card' } } }, description: OK }\n  /v1/invoiceitems:",
            "              properties:\n                exp_month: { type: integer }\n                cvc: { type: string }\n              type: object\n      responses:\n        '200': { content: { application/json: { schema: { $ref: '#/components/schemas/card' } } }, description: OK }\n  /v1/invoiceitems:");
        Assert.NotEqual(SdkText, text);

        DiagnosticInfo reported = Assert.Single(ModelBuilder.Parse(text).Diagnostics, d => d.Id == "ALG0017");

        Assert.Equal("/v1/customers/{customer}/x-stripeParametersOverride_cards/{id}", reported.Arguments[0]);
        Assert.Equal("POST /v1/customers/{customer}/sources/{id}", reported.Arguments[1]);
        Assert.Contains("'cvc'", reported.Arguments[2]);
        Assert.NotNull(reported.Location);
    }

    [Fact]
    public void APlaceholderNoOperationNames_IsReported_AndStillGeneratesNothing()
    {
        DiagnosticInfo reported = Assert.Single(Plain.Diagnostics, d => d.Id == "ALG0017");

        Assert.Equal("/v1/customers/{customer}/x-stripeParametersOverride_cards/{id}", reported.Arguments[0]);
        Assert.DoesNotContain(Plain.Operations, o => o.Path.Contains("x-stripeParametersOverride"));
    }

    private static string NameOf(SpecModel model, string operation)
    {
        string[] parts = operation.Split(' ');
        OperationModel found = Assert.Single(model.Operations, o => o.HttpMethod == parts[0] && o.Path == parts[1]);
        return found.ServiceName + "." + found.MethodName;
    }

    /// <summary>The spec as Stripe publishes it without the SDK's extensions: their lines, and the lines below them, removed.</summary>
    private static string WithoutSdkExtensions(string text)
    {
        var kept = new List<string>();
        int? removing = null;
        foreach (string line in text.Split('\n'))
        {
            int indent = line.Length - line.TrimStart(' ').Length;
            if (removing is { } depth && (line.Trim().Length == 0 || indent > depth || line.TrimStart().StartsWith("- ", System.StringComparison.Ordinal) && indent == depth))
            {
                continue;
            }

            removing = null;
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("x-stripeResource:", System.StringComparison.Ordinal) || trimmed.StartsWith("x-stripeOperations:", System.StringComparison.Ordinal))
            {
                removing = indent;
                continue;
            }

            kept.Add(line);
        }

        string plain = string.Join("\n", kept);
        Assert.DoesNotContain("x-stripeOperations:", plain);
        return plain;
    }
}
