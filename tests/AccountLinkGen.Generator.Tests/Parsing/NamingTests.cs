using AccountLinkGen.Generator.Helpers;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

public sealed class NamingTests
{
    [Theory]
    [InlineData("refresh_url", "RefreshUrl")]
    [InlineData("collection_options", "CollectionOptions")]
    [InlineData("checkout.session", "CheckoutSession")]
    [InlineData("3d_secure", "Value3dSecure")]
    [InlineData("", "Empty")]
    [InlineData("already-kebab", "AlreadyKebab")]
    public void Pascal(string input, string expected) => Assert.Equal(expected, Naming.Pascal(input));

    [Theory]
    [InlineData("POST", "/v1/account_links", false, "AccountLink", "Create")]
    [InlineData("POST", "/v1/customers", false, "Customer", "Create")]
    [InlineData("POST", "/v1/customers/{customer}", false, "Customer", "Update")]
    [InlineData("GET", "/v1/customers/{customer}", false, "Customer", "Get")]
    [InlineData("GET", "/v1/customers", false, "Customer", "List")]
    [InlineData("GET", "/v1/customers/search", false, "Customer", "Search")]
    [InlineData("DELETE", "/v1/customers/{customer}", false, "Customer", "Delete")]
    [InlineData("POST", "/v1/payment_intents/{intent}/capture", true, "PaymentIntent", "Capture")]
    [InlineData("POST", "/v1/customers/{customer}/sources", false, "CustomerSource", "Create")]
    [InlineData("POST", "/v1/checkout/sessions", false, "CheckoutSession", "Create")]
    [InlineData("GET", "/v1/issuing/cards/{card}", false, "IssuingCard", "Get")]
    public void ResourceAndVerb(string method, string path, bool action, string resource, string verb)
    {
        Assert.Equal(resource, Naming.Resource(path, action));
        Assert.Equal(verb, Naming.Verb(method, path, action));
    }

    [Theory]
    [InlineData("/v1/payment_intents/{intent}/capture", false, true)]
    [InlineData("/v1/customers/{customer}/sources", true, false)]
    [InlineData("/v1/customers/{customer}", false, false)]
    public void EndsWithAction(string path, bool isCollection, bool expected) =>
        Assert.Equal(expected, Naming.EndsWithAction(path, isCollection));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("customer", "customer")]
    public void Identifier_EscapesKeywords(string input, string expected) => Assert.Equal(expected, Naming.Identifier(input));

    [Fact]
    public void Locals_StepAsideForEveryNameInScope_AndForEachOther()
    {
        LocalNames locals = Naming.Locals(new[] { "writer", "Writer", "WireName_Writer" });

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
    public void GeneratedPrivateMembers_CannotMeetAMemberMadeFromTheSpec()
    {
        foreach (string member in new[] { Naming.WireNameConstant("Type"), Naming.FormNameField("Type"), Naming.JsonNameField("Type") })
        {
            Assert.Contains('_', member);
            Assert.DoesNotContain('_', Naming.Pascal(member));
        }
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
