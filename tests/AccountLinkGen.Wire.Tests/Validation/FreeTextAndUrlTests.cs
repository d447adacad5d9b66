using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Wire.Tests.Generated;
using AccountLinkGen.Wire.Tests.Support;
using Xunit;

namespace AccountLinkGen.Wire.Tests.Validation;

/// <summary>
/// What Stripe accepts must pass validation and reach the wire: line breaks in free text and metadata, and app
/// schemes in a <c>return_url</c> the spec gives no format. Only a parameter whose schema says <c>format: uri</c>
/// is checked as a URI.
/// </summary>
public sealed class FreeTextAndUrlTests
{
    [Fact]
    public void Line_breaks_in_a_description_and_in_metadata_validate()
    {
        PaymentIntentConfirmOptions options = WithLineBreaks();

        Assert.Same(ValidationResult.Success, options.Validate());
    }

    [Fact]
    public async Task Line_breaks_in_a_description_and_in_metadata_are_sent_percent_encoded()
    {
        var handler = new RecordingHandler("{\"id\":\"pi_123\",\"object\":\"payment_intent\",\"status\":\"succeeded\"}");
        using var client = new StripeClient(
            new StripeClientOptions { ApiKey = "sk_test_x", BaseAddress = new Uri("http://127.0.0.1:9/"), MaxRetries = 0 },
            new HttpClient(handler));

        PaymentIntent intent = await new PaymentIntentService(client).ConfirmAsync("pi_123", WithLineBreaks());

        Assert.Equal("pi_123", intent.Id);
        Assert.Equal(
            "description=First+line%0D%0ASecond+line%0AThird&metadata[note]=a%0Ab&metadata[order]=%0D%0A",
            handler.Body);
    }

    [Theory]
    [InlineData("myapp://return")]
    [InlineData("com.example.app:/callback")]
    [InlineData("https://example.com/return")]
    [InlineData("anything at all")]
    public void A_url_named_parameter_without_a_format_takes_any_text(string returnUrl)
    {
        var options = new PaymentIntentConfirmOptions { ReturnUrl = returnUrl };

        Assert.Same(ValidationResult.Success, options.Validate());
        Assert.Equal("return_url=" + WebUtility.UrlEncode(returnUrl), options.ToFormUrlEncoded());
    }

    [Theory]
    [InlineData("myapp://return")]
    [InlineData("https://example.com/hooks")]
    [InlineData("urn:example:hook")]
    public void A_format_uri_parameter_takes_any_absolute_uri(string webhookUrl)
    {
        var options = new PaymentIntentConfirmOptions { WebhookUrl = webhookUrl };

        Assert.Same(ValidationResult.Success, options.Validate());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("/hooks")]
    [InlineData("example.com/hooks")]
    [InlineData("https://")]
    [InlineData("https://example.com/a b")]
    [InlineData("://example.com")]
    [InlineData("/hooks:8080")] // a rooted path, which Uri takes for a file: URI on Unix
    [InlineData("1https://example.com/hooks")]
    [InlineData("ht_tp://example.com/hooks")]
    public void A_format_uri_parameter_still_rejects_what_is_no_absolute_uri(string webhookUrl)
    {
        var options = new PaymentIntentConfirmOptions { WebhookUrl = webhookUrl };

        ValidationProblem problem = Assert.Single(options.Validate().Problems);
        Assert.Equal("webhook_url", problem.Param);
        Assert.Equal(ValidationCodes.InvalidUrl, problem.Code);
        Assert.Contains("absolute URI", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NUL_in_free_text_is_still_reported()
    {
        var options = new PaymentIntentConfirmOptions
        {
            Description = "a\u0000b",
            Metadata = new Dictionary<string, string> { ["k"] = "\u0000" },
        };

        var problems = options.Validate().Problems;

        Assert.Collection(
            problems,
            p => Assert.Equal(("description", ValidationCodes.ControlCharacter), (p.Param, p.Code)),
            p => Assert.Equal(("metadata[k]", ValidationCodes.ControlCharacter), (p.Param, p.Code)));
    }

    [Theory]
    [InlineData("https://example.com/ho\u0000oks", new[] { ValidationCodes.ControlCharacter })]
    [InlineData("\u0000https://example.com/hooks", new[] { ValidationCodes.ControlCharacter })]
    [InlineData("garbage\u0000", new[] { ValidationCodes.ControlCharacter, ValidationCodes.InvalidUrl })]
    public void A_NUL_in_a_format_uri_parameter_is_reported_once(string webhookUrl, string[] codes)
    {
        var options = new PaymentIntentConfirmOptions { WebhookUrl = webhookUrl };

        var problems = options.Validate().Problems;

        Assert.All(problems, p => Assert.Equal("webhook_url", p.Param));
        Assert.Equal(codes, problems.Select(p => p.Code));
    }

    private static PaymentIntentConfirmOptions WithLineBreaks() => new()
    {
        Description = "First line\r\nSecond line\nThird",
        Metadata = new Dictionary<string, string> { ["note"] = "a\nb", ["order"] = "\r\n" },
    };
}
