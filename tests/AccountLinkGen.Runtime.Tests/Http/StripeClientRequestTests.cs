using System;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

public sealed class StripeClientRequestTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public StripeClientRequestTests(StripeTestServer server) => _server = server;

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task Post_sends_exact_headers_and_body_and_parses_the_response(Sending sending)
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server);

        AccountLink link = await client.CreateLinkAsync(path, form: new AccountLinkForm { Expand = new[] { "url", null, "a b" } }, sending: sending);

        Assert.Equal("account_link", link.Object);
        Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", link.Url);
        Assert.Equal(1700000000, link.Created);
        Assert.Equal(1700000300, link.ExpiresAt);

        RecordedRequest request = Assert.Single(_server.RequestsFor(path));
        Assert.Equal("POST", request.Method);
        Assert.Equal(string.Empty, request.Query);
        Assert.Equal(
            "account=acct_1Nv0FGQ9RKHgCVdK&collection_options[fields]=eventually_due&expand[0]=url&expand[2]=a+b"
            + "&refresh_url=https%3A%2F%2Fexample.com%2Freauth%3Fx%3D1&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding",
            request.Body);
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Header("Authorization"));
        Assert.Equal(TestClients.SpecApiVersion, request.Header("Stripe-Version"));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(ExpectedUserAgent(), request.Header("User-Agent"));
        Assert.True(Guid.TryParse(request.Header("Idempotency-Key"), out _));
        Assert.Null(request.Header("Stripe-Account"));
    }

    [Fact]
    public async Task Each_logical_post_gets_its_own_idempotency_key()
    {
        string first = _server.NewPath();
        string second = _server.NewPath();
        using var client = TestClients.Create(_server);

        await client.CreateLinkAsync(first);
        await client.CreateLinkAsync(second);

        Assert.NotEqual(
            Assert.Single(_server.RequestsFor(first)).Header("Idempotency-Key"),
            Assert.Single(_server.RequestsFor(second)).Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Request_options_set_account_key_and_version()
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server);
        var options = new RequestOptions { IdempotencyKey = "my-key-1", StripeAccount = "acct_connected", ApiVersion = "2099-01-01" };

        await client.CreateLinkAsync(path, options);

        RecordedRequest request = Assert.Single(_server.RequestsFor(path));
        Assert.Equal("my-key-1", request.Header("Idempotency-Key"));
        Assert.Equal("acct_connected", request.Header("Stripe-Account"));
        Assert.Equal("2099-01-01", request.Header("Stripe-Version"));
    }

    [Theory]
    [InlineData("req", "client", "spec", "req")]
    [InlineData(null, "client", "spec", "client")]
    [InlineData(null, null, "spec", "spec")]
    [InlineData(null, null, null, null)]
    public async Task Stripe_version_prefers_request_then_client_then_spec(string? requestVersion, string? clientVersion, string? specVersion, string? expected)
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server, configure: o => o.ApiVersion = clientVersion);

        await client.SendAsync(
            HttpMethod.Post, path, new AccountLinkForm(), AccountLink.Reader, specVersion,
            new RequestOptions { ApiVersion = requestVersion }, default);

        Assert.Equal(expected, Assert.Single(_server.RequestsFor(path)).Header("Stripe-Version"));
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task Get_sends_the_form_as_query_string_without_body_or_idempotency_key(Sending sending)
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server);

        await client.SendAsync(HttpMethod.Get, path, new AccountLinkForm { Expand = new[] { "x" } }, AccountLink.Reader, null, null, default, sending);

        RecordedRequest request = Assert.Single(_server.RequestsFor(path));
        Assert.Equal("GET", request.Method);
        Assert.Equal(
            "?account=acct_1Nv0FGQ9RKHgCVdK&collection_options[fields]=eventually_due&expand[0]=x"
            + "&refresh_url=https%3A%2F%2Fexample.com%2Freauth%3Fx%3D1&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding",
            request.Query);
        Assert.Equal(string.Empty, request.Body);
        Assert.Null(request.Header("Idempotency-Key"));
        Assert.Null(request.Header("Content-Type"));
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Header("Authorization"));
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task Post_without_form_sends_an_empty_form_body(Sending sending)
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server);

        await client.SendAsync(HttpMethod.Post, path, null, AccountLink.Reader, null, null, default, sending);

        RecordedRequest request = Assert.Single(_server.RequestsFor(path));
        Assert.Equal(string.Empty, request.Body);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.NotNull(request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Base_address_path_prefix_is_kept()
    {
        string path = _server.NewPath("/v1/prefixed");
        string prefix = "/v1/prefixed/";
        string rest = path.Substring(prefix.Length);
        using var client = TestClients.Create(_server, configure: o => o.BaseAddress = new Uri(_server.BaseAddress, "v1/prefixed/"));

        await client.CreateLinkAsync("/" + rest);

        Assert.Single(_server.RequestsFor(path));
    }

    [Fact]
    public async Task Injected_http_client_is_used_and_not_disposed()
    {
        string path = _server.NewPath();
        using var http = new HttpClient();
        var client = new StripeClient(TestClients.Options(_server), http);

        await client.CreateLinkAsync(path);
        client.Dispose();

        Assert.Single(_server.RequestsFor(path));
        using var response = await http.GetAsync(new Uri(_server.BaseAddress, _server.NewPath()));
        Assert.True(response.IsSuccessStatusCode);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.CreateLinkAsync(path));
    }

    private static string ExpectedUserAgent() =>
        "AccountLinkGen/" + typeof(StripeClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
}
