using System.Text;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Json;

public sealed class StripeErrorReaderTests
{
    [Fact]
    public void Reads_fields_and_skips_everything_else()
    {
        StripeError? error = StripeErrorReader.TryRead(
            Encoding.UTF8.GetBytes("""{"livemode":false,"error":{"nested":{"type":"wrong"},"type":"api_error","code":null,"message":"m\u00e9 sk_test_1","list":["type"]}}"""),
            new Redactor("sk_test_1"));

        Assert.NotNull(error);
        Assert.Equal("api_error", error!.Type);
        Assert.Null(error.Code);
        Assert.Equal("mé [REDACTED]", error.Message);
    }

    [Fact]
    public void Reads_a_card_errors_charge_and_payment_method_type()
    {
        StripeError? error = StripeErrorReader.TryRead(
            Encoding.UTF8.GetBytes("""{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","charge":"ch_1","payment_method_type":"card","payment_method":{"id":"pm_1"}}}"""),
            new Redactor("sk_test_1"));

        Assert.NotNull(error);
        Assert.Equal("card_declined", error!.Code);
        Assert.Equal("insufficient_funds", error.DeclineCode);
        Assert.Equal("ch_1", error.Charge);
        Assert.Equal("card", error.PaymentMethodType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"error\": \"text\"}")]
    [InlineData("{\"error\": {\"type\": \"x\"")]
    [InlineData("{\"other\": 1}")]
    [InlineData("42")]
    public void Returns_null_for_anything_but_an_error_object(string body)
    {
        Assert.Null(StripeErrorReader.TryRead(Encoding.UTF8.GetBytes(body), new Redactor("sk_test_1")));
    }
}
