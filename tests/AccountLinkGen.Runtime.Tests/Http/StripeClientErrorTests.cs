using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

public sealed class StripeClientErrorTests : IClassFixture<StripeTestServer>
{
    private const string FullError = """
        {
          "error": {
            "charge": "ch_1",
            "code": "card_declined",
            "decline_code": "insufficient_funds",
            "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            "message": "Your card has insufficient funds.",
            "param": "payment_method",
            "payment_method": { "id": "pm_1", "card": { "brand": "visa", "checks": [1, 2, { "x": null }] } },
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_abc",
            "t\u0079pe": "card_error",
            "extra": [true, false, 1.5]
          },
          "after": "ignored"
        }
        """;

    private readonly StripeTestServer _server;

    public StripeClientErrorTests(StripeTestServer server) => _server = server;

    [Fact]
    public async Task Error_body_is_parsed_into_every_field()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(402, FullError, ("Request-Id", "req_abc")));
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

        Assert.Equal(HttpStatusCode.PaymentRequired, ex.StatusCode);
        Assert.Equal("req_abc", ex.RequestId);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(Assert.Single(_server.RequestsFor(path)).Header("Idempotency-Key"), ex.IdempotencyKey);
        StripeError error = Assert.IsType<StripeError>(ex.StripeError);
        Assert.Equal("card_error", error.Type);
        Assert.Equal("card_declined", error.Code);
        Assert.Equal("insufficient_funds", error.DeclineCode);
        Assert.Equal("payment_method", error.Param);
        Assert.Equal("Your card has insufficient funds.", error.Message);
        Assert.Equal("https://stripe.com/docs/error-codes/card-declined", error.DocUrl);
        Assert.Equal("https://dashboard.stripe.com/test/logs/req_abc", error.RequestLogUrl);
        Assert.Contains("402", ex.Message);
        Assert.Contains("card_error/card_declined", ex.Message);
        Assert.Contains("Your card has insufficient funds.", ex.Message);
        Assert.Contains("payment_method", ex.Message);
        Assert.Contains("req_abc", ex.Message);
    }

    [Fact]
    public async Task Non_json_error_body_gives_status_and_a_bounded_excerpt()
    {
        string path = _server.NewPath();
        string html = "<html><body>" + new string('x', 10_000) + "</body></html>";
        _server.Script(path, ScriptedResponse.Error(400, html, ("Content-Type", "text/html")));
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Null(ex.StripeError);
        Assert.NotNull(ex.RequestId);
        Assert.Contains("<html><body>xxx", ex.Message);
        Assert.True(ex.Message.Length < 700, ex.Message.Length.ToString());
    }

    [Theory]
    [InlineData("""{"error": {"type": "api_err""")]
    [InlineData("""{"error": """)]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"errors": []}""")]
    [InlineData("""[1, 2, 3]""")]
    public async Task Truncated_or_foreign_error_body_still_gives_an_api_exception(string body)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(404, body));
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Null(ex.StripeError);
        Assert.Contains("404", ex.Message);
    }

    [Theory]
    [InlineData("""{"object": "account_link", "url": """)]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("""{"object": 12}""")]
    public async Task Malformed_success_body_gives_a_response_exception_without_retry(string body)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Ok() with { Body = body });
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeResponseException>(() => client.CreateLinkAsync(path));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.NotNull(ex.RequestId);
        Assert.Contains(ex.RequestId!, ex.Message);
        Assert.Equal(body, ex.BodyExcerpt);
        Assert.Contains(body, ex.Message);
        Assert.NotNull(ex.InnerException);
        Assert.True(ex.InnerException is JsonException or InvalidOperationException);
        Assert.Single(_server.RequestsFor(path));
    }

    [Fact]
    public async Task Redirect_is_not_followed()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(302, string.Empty, ("Location", "http://127.0.0.1:1/elsewhere")));
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

        Assert.Equal(HttpStatusCode.Found, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task Long_malformed_success_body_is_cut_to_500_characters()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Ok() with { Body = "{\"url\": \"" + new string('u', 5000) });
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeResponseException>(() => client.CreateLinkAsync(path));

        Assert.Equal(501, ex.BodyExcerpt.Length);
        Assert.EndsWith("…", ex.BodyExcerpt, StringComparison.Ordinal);
    }
}
