using System;
using System.Net;
using System.Reflection;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

/// <summary>
/// The per-call and per-client settings Stripe.net code sets under Stripe.net's names, on the wire: a call's own API
/// key (kept out of messages as the client's is), <c>StripeVersion</c>, <c>AppInfo</c> in the User-Agent, and the
/// <c>StripeError</c> and <c>HttpStatusCode</c> read from the base <c>StripeException</c>.
/// </summary>
public sealed class StripeNetRequestSettingsTests : IClassFixture<StripeTestServer>
{
    private const string ConnectedKey = "sk_test_ConnectedAccountOwnKey42";
    private readonly StripeTestServer _server;

    public StripeNetRequestSettingsTests(StripeTestServer server) => _server = server;

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_calls_own_api_key_and_stripe_version_are_sent_instead_of_the_clients(Sending sending)
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server);

        await client.CreateLinkAsync(path, new RequestOptions { ApiKey = ConnectedKey, StripeVersion = "2022-11-15" }, sending: sending);
        await client.CreateLinkAsync(path, sending: sending);

        var requests = _server.RequestsFor(path);
        Assert.Equal("Bearer " + ConnectedKey, requests[0].Header("Authorization"));
        Assert.Equal("2022-11-15", requests[0].Header("Stripe-Version"));
        Assert.Equal("Bearer " + TestClients.ApiKey, requests[1].Header("Authorization"));
        Assert.Equal(TestClients.SpecApiVersion, requests[1].Header("Stripe-Version"));
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_calls_own_key_echoed_in_an_error_is_masked_and_the_error_is_on_the_base_exception(Sending sending)
    {
        string path = _server.NewPath();
        string body = "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
            + "\"param\":\"source\",\"message\":\"Key " + ConnectedKey + " was declined\",\"doc_url\":\"https://stripe.com/docs/error-codes/card-declined\"}}";
        _server.Script(path, ScriptedResponse.Error(402, body));
        using var client = TestClients.Create(_server);

        StripeException error = await Assert.ThrowsAnyAsync<StripeException>(
            () => client.CreateLinkAsync(path, new RequestOptions { ApiKey = ConnectedKey }, sending: sending));

        Assert.DoesNotContain(ConnectedKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ConnectedKey, error.StripeError!.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PaymentRequired, error.HttpStatusCode);
        Assert.Equal(("card_error", "card_declined", "insufficient_funds", "source", "https://stripe.com/docs/error-codes/card-declined"),
            (error.StripeError.Type, error.StripeError.Code, error.StripeError.DeclineCode, error.StripeError.Param, error.StripeError.DocUrl));
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_calls_own_key_echoed_in_a_body_that_is_no_error_object_or_no_success_is_masked(Sending sending)
    {
        string proxy = _server.NewPath();
        string garbled = _server.NewPath();
        _server.Script(proxy, ScriptedResponse.Error(502, "<html>upstream saw Bearer " + ConnectedKey + "</html>"));
        _server.Script(garbled, ScriptedResponse.Ok() with { Body = "<html>cached for " + ConnectedKey + "</html>" });
        using var client = TestClients.Create(_server, configure: o => o.MaxRetries = 0);
        var own = new RequestOptions { ApiKey = ConnectedKey };

        var notAnError = await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(proxy, own, sending: sending));
        var notASuccess = await Assert.ThrowsAsync<StripeResponseException>(() => client.CreateLinkAsync(garbled, own, sending: sending));

        Assert.Contains("upstream saw Bearer [REDACTED]", notAnError.Message, StringComparison.Ordinal);
        Assert.Contains("cached for [REDACTED]", notASuccess.BodyExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain(ConnectedKey, notASuccess.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadGateway, HttpStatusCode.OK), (notAnError.HttpStatusCode, notASuccess.HttpStatusCode));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("sk_test_\r\nX-Injected: 1")]
    public async Task An_empty_or_unsafe_call_key_is_refused_before_anything_is_sent(string key)
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateLinkAsync(path, new RequestOptions { ApiKey = key }));

        Assert.Equal("requestOptions", error.ParamName);
        Assert.DoesNotContain("X-Injected", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.RequestsFor(path));
    }

    [Fact]
    public async Task App_info_follows_the_sdk_in_the_user_agent_and_names_the_partner_in_the_client_user_agent()
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server, configure: o => o.AppInfo = new AppInfo { Name = "MyPlugin", Version = "1.2.3", Url = "https://example.com", PartnerId = "pp_1" });

        await client.CreateLinkAsync(path);

        string version = typeof(StripeClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        RecordedRequest request = Assert.Single(_server.RequestsFor(path));
        Assert.Equal("AccountLinkGen/" + version + " MyPlugin/1.2.3 (https://example.com)", request.Header("User-Agent"));
        using var clientAgent = System.Text.Json.JsonDocument.Parse(request.Header("X-Stripe-Client-User-Agent")!);
        Assert.Equal(version, clientAgent.RootElement.GetProperty("bindings_version").GetString());
        System.Text.Json.JsonElement application = clientAgent.RootElement.GetProperty("application");
        Assert.Equal(("MyPlugin", "1.2.3", "https://example.com", "pp_1"), (application.GetProperty("name").GetString(), application.GetProperty("version").GetString(), application.GetProperty("url").GetString(), application.GetProperty("partner_id").GetString()));
        Assert.Equal("MyPlugin", new AppInfo { Name = "MyPlugin" }.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Plugin\u00e9")]
    public void App_info_without_a_name_or_with_a_character_a_header_cannot_hold_is_refused(string? name)
    {
        var error = Assert.Throws<ArgumentException>(() => TestClients.Create(_server, configure: o => o.AppInfo = new AppInfo { Name = name }));

        Assert.Equal("AppInfo", error.ParamName);
    }

    [Fact]
    public async Task Without_app_info_no_client_user_agent_is_sent()
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server);

        await client.CreateLinkAsync(path);

        Assert.Null(Assert.Single(_server.RequestsFor(path)).Header("X-Stripe-Client-User-Agent"));
    }

    [Fact]
    public void A_validation_failure_describes_its_first_error_as_Stripes_answer_would()
    {
        var result = new ValidationResult(new[]
        {
            new ValidationProblem("refresh_url", ValidationCodes.Required, "is required.", ValidationSeverity.Error),
            new ValidationProblem("type", ValidationCodes.Required, "is required.", ValidationSeverity.Error),
        });

        var error = new StripeValidationException(result);

        Assert.Equal(("invalid_request_error", "required", "refresh_url", "refresh_url is required."), (error.StripeError!.Type, error.StripeError.Code, error.StripeError.Param, error.StripeError.Message));
        Assert.Equal((HttpStatusCode)0, error.HttpStatusCode);
    }
}
