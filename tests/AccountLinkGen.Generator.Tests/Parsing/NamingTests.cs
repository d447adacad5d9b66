using AccountLinkGen.Generator.Helpers;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

public sealed class NamingTests
{
    [Theory]
    [InlineData("refresh_url", "RefreshUrl")]
    [InlineData("collection_options", "CollectionOptions")]
    [InlineData("checkout.session", "CheckoutSession")]
    [InlineData("3d_secure", "ThreeDSecure")]
    [InlineData("2fa", "TwoFa")]
    [InlineData("10", "Number10")]
    [InlineData("", "Empty")]
    [InlineData("already-kebab", "AlreadyKebab")]
    public void Pascal(string input, string expected) => Assert.Equal(expected, Naming.Pascal(input));

    [Theory]
    [InlineData("Customer", "CustomerBalanceTransaction", "CustomerBalanceTransaction")]
    [InlineData("ApplicationFee", "FeeRefund", "ApplicationFeeRefund")]
    [InlineData("Account", "Person", "AccountPerson")]
    [InlineData("Checkout", "CheckoutSession", "CheckoutSession")]
    [InlineData("TestHelpersIssuing", "IssuingCard", "TestHelpersIssuingCard")]
    [InlineData("", "Invoice", "Invoice")]
    public void Merge_WritesTheSharedWordsOnce(string outer, string inner, string expected) => Assert.Equal(expected, Naming.Merge(outer, inner));

    [Theory]
    [InlineData("CreditNote", "CreditNoteLineItem", "LineItem")]
    [InlineData("FinancialConnectionsAccount", "FinancialConnectionsAccountOwner", "Owner")]
    [InlineData("Invoice", "Invoice", "Invoice")]
    public void Relative_IsWhatMergeAdds(string outer, string inner, string expected) => Assert.Equal(expected, Naming.Relative(outer, inner));

    [Theory]
    [InlineData("Source", "PaymentSource", "PaymentSource")]
    [InlineData("LineItem", "Item", "LineItem")]
    [InlineData("Line", "LineItem", "LineItem")]
    [InlineData("Invoiceitem", "InvoiceItem", "InvoiceItem")]
    [InlineData("People", "Person", "People")]
    [InlineData("Balance", null, "Balance")]
    public void MoreSpecific_PicksTheNameThatSaysMore(string pathWord, string? className, string expected) => Assert.Equal(expected, Naming.MoreSpecific(pathWord, className));

    [Theory]
    [InlineData("finalize", "Invoice", true, "FinalizeInvoice")]
    [InlineData("void", "CreditNote", true, "VoidCreditNote")]
    [InlineData("return", "InboundTransfer", true, "ReturnInboundTransfer")]
    [InlineData("mark_uncollectible", "Invoice", true, "MarkUncollectible")]
    [InlineData("shipping/deliver", "Card", true, "DeliverCard")]
    [InlineData("create_from_calculation", "Transaction", false, "CreateFromCalculation")]
    [InlineData("upcoming/lines", "Invoice", false, "UpcomingLines")]
    public void ActionVerb_IsTheActionsWords_WithTheResourceWhereStripeAddsIt(string words, string resource, bool onItem, string expected) =>
        Assert.Equal(expected, Naming.ActionVerb(words.Split('/'), resource, onItem));

    [Theory]
    [InlineData("retrieve", "Get")]
    [InlineData("del", "Delete")]
    [InlineData("finalize_invoice", "FinalizeInvoice")]
    [InlineData("upcomingLines", "UpcomingLines")]
    public void SdkVerb(string methodName, string expected) => Assert.Equal(expected, Naming.SdkVerb(methodName));

    [Theory]
    [InlineData("FinalizeInvoice", "Invoice", "Finalize")]
    [InlineData("DeleteDiscount", "Customer", "DeleteDiscount")]
    [InlineData("Create", "AccountLink", "Create")]
    public void OptionsVerb_DropsTheResourceTheVerbRepeats(string verb, string resource, string expected) => Assert.Equal(expected, Naming.OptionsVerb(verb, resource));

    [Theory]
    [InlineData("invoiceitem", "InvoiceItem", "InvoiceItem")]
    [InlineData("checkout.session", "Session", "CheckoutSession")]
    [InlineData("identity.verification_session", "GelatoVerificationSession", "IdentityVerificationSession")]
    [InlineData("account_link", null, "AccountLink")]
    public void ClassName_SpellsTheResourceIdAsItsTitleDoes(string resourceId, string? title, string expected) => Assert.Equal(expected, Naming.ClassName(resourceId, title));

    [Theory]
    [InlineData("LineItem", "LineItems")]
    [InlineData("UsageRecordSummary", "UsageRecordSummaries")]
    [InlineData("Tax", "Taxes")]
    public void Plural(string name, string expected) => Assert.Equal(expected, Naming.Plural(name));

    [Theory]
    [InlineData("2011-01-01", "WebhookEndpointApiVersion", "Version20110101")]
    [InlineData("1.0.2", "PaymentMethodOptionsCardThreeDSecureVersion", "Version102")]
    [InlineData("3d_secure", "PaymentMethodType", "ThreeDSecure")]
    [InlineData("card", "PaymentMethodType", "Card")]
    public void EnumMember_LeadsANumberWithWhatItIs(string wireName, string enumName, string expected) => Assert.Equal(expected, Naming.EnumMember(wireName, enumName));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("customer", "customer")]
    public void Identifier_EscapesKeywords(string input, string expected) => Assert.Equal(expected, Naming.Identifier(input));

    [Fact]
    public void Locals_StepAsideForEveryNameInScope_AndForEachOther()
    {
        LocalNames locals = Naming.Locals(new[] { "writer", "Writer", "WireNames" });

        Assert.Equal("writer2", locals.Declare("writer"));
        Assert.Equal("writer3", locals.Declare("writer"));
        Assert.Equal("i", locals.Declare("i"));
        Assert.Equal("i2", locals.DeclareCamel("I"));
        Assert.Equal("@object", locals.DeclareCamel("Object"));
        Assert.Equal("object2", locals.Declare("object"));
        Assert.Equal("objectPath", locals.DeclareCamel("Object", "Path"));
        Assert.Equal("class", locals.DeclareName("class"));
    }

    [Fact]
    public void GeneratedNestedClasses_CannotMeetAMemberMadeFromTheSpec()
    {
        // The nested classes a generated class keeps its wire names in are reserved: a parameter or field of that
        // name takes a suffix, as one named like a generated method does.
        Assert.Equal("WireNamesValue", Naming.Member(Naming.Pascal("wire_names"), "WidgetCreateOptions", Naming.OptionsMembers));
        Assert.Equal("FormNamesValue", Naming.Member(Naming.Pascal("form_names"), "WidgetCreateOptions", Naming.OptionsMembers));
        Assert.Equal("DeprecationsValue", Naming.Member(Naming.Pascal("deprecations"), "WidgetCreateOptions", Naming.OptionsMembers));
        Assert.Equal("WireNamesValue", Naming.Member(Naming.Pascal("wire_names"), "Widget", Naming.ResponseMembers));
        Assert.Equal("JsonNamesValue", Naming.Member(Naming.Pascal("json_names"), "Widget", Naming.ResponseMembers));
        Assert.Equal("WireNames.Type", Naming.WireNameConstant("Type"));
        Assert.Equal("FormNames.Type", Naming.FormNameField("Type"));
        Assert.Equal("JsonNames.Type", Naming.JsonNameField("Type"));
        Assert.Equal("Deprecations.Type", Naming.DeprecationConstant("Type"));
    }

    [Theory]
    [InlineData("AccountLinkService", "AccountLink")]
    [InlineData("AccountTermsOfServiceService", "AccountTermsOfService")]
    public void ServiceResource_IsTheInverseOfService(string service, string resource)
    {
        Assert.Equal(resource, Naming.ServiceResource(service));
        Assert.Equal(service, Naming.Service(resource));
    }

    [Theory]
    [InlineData("customer", "customer")]
    [InlineData("event", "event")]
    [InlineData("payment_intent", "paymentIntent")]
    public void Parameter_IsCamelCase_AndLeftForTheEmitterToEscape(string wire, string expected) => Assert.Equal(expected, Naming.Parameter(wire));
}
