using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Generated;

/// <summary>
/// A successful call can tell its caller the <c>Request-Id</c> Stripe gave it (what Stripe support asks for),
/// with the status, headers, idempotency key and attempts, through the generated <c>…WithResponseAsync</c>
/// methods; checked against the real Kestrel server.
/// </summary>
public sealed class ResponseDetailsTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public ResponseDetailsTests(StripeTestServer server) => _server = server;

    [Fact]
    public async Task CreateWithResponseAsync_returns_the_account_link_and_the_request_id()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            _server.Script(path, ScriptedResponse.Ok() with
            {
                Headers = new Dictionary<string, string> { ["Request-Id"] = "req_9Kq2XbYzTe4Ln1", ["Stripe-Version"] = "2024-06-20" },
            });

            StripeResponse<AccountLink> response = await new AccountLinkService(client).CreateWithResponseAsync(Options());

            RecordedRequest request = Assert.Single(_server.RequestsFor(path));
            Assert.Equal("req_9Kq2XbYzTe4Ln1", response.RequestId);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(request.Header("Idempotency-Key"), response.IdempotencyKey);
            Assert.Equal(1, response.Attempts);
            Assert.Equal("2024-06-20", response.Headers.GetValues("Stripe-Version").Single());
            Assert.Equal("req_9Kq2XbYzTe4Ln1", response.Headers.GetValues("Request-Id").Single());
            Assert.Equal("account_link", response.Value.Object);
            Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", response.Value.Url);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000300), response.Value.ExpiresAt);
        }
    }

    [Fact]
    public async Task After_a_retry_the_request_id_is_the_answering_attempts()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            _server.Script(
                path,
                ScriptedResponse.Error(500, null, ("Request-Id", "req_failed")),
                ScriptedResponse.Ok() with { Headers = new Dictionary<string, string> { ["Request-Id"] = "req_answered" } });

            StripeResponse<AccountLink> response = await new AccountLinkService(client).CreateWithResponseAsync(
                Options(), new RequestOptions { IdempotencyKey = "order-42" });

            Assert.Equal(2, _server.RequestsFor(path).Count);
            Assert.Equal("req_answered", response.RequestId);
            Assert.Equal("order-42", response.IdempotencyKey);
            Assert.Equal(2, response.Attempts);
        }
    }

    [Fact]
    public async Task CreateAsync_and_CreateWithResponseAsync_send_the_same_request()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            var service = new AccountLinkService(client);
            var requestOptions = new RequestOptions { IdempotencyKey = "same", StripeAccount = "acct_connected" };

            AccountLink plain = await service.CreateAsync(Options(), requestOptions);
            StripeResponse<AccountLink> detailed = await service.CreateWithResponseAsync(Options(), requestOptions);

            RecordedRequest[] requests = _server.RequestsFor(path).ToArray();
            Assert.Equal(2, requests.Length);
            Assert.Equal(requests[0].Body, requests[1].Body);
            Assert.Equal(requests[0].Header("Stripe-Account"), requests[1].Header("Stripe-Account"));
            Assert.Equal(requests[0].Header("Idempotency-Key"), requests[1].Header("Idempotency-Key"));
            Assert.Equal(plain.Url, detailed.Value.Url);
        }
    }

    [Fact]
    public void CreateWithResponseAsync_validates_first_and_sends_nothing_when_invalid()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            AccountLinkCreateOptions options = Options();
            options.RefreshUrl = "/reauth";

            Assert.Throws<StripeValidationException>(() => { _ = new AccountLinkService(client).CreateWithResponseAsync(options); });
            Assert.Empty(_server.RequestsFor(path));
        }
    }

    [Fact]
    public async Task The_client_itself_returns_the_details_for_hand_written_calls()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Ok() with { Status = 201, Headers = new Dictionary<string, string> { ["Request-Id"] = "req_direct" } });
        using var client = TestClients.Create(_server);

        StripeResponse<Support.AccountLink> response = await client.SendWithResponseAsync(
            HttpMethod.Post, path, new AccountLinkForm(), Support.AccountLink.Reader, TestClients.SpecApiVersion, null, default);

        Assert.Equal((HttpStatusCode)201, response.StatusCode);
        Assert.Equal("req_direct", response.RequestId);
        Assert.Equal(_server.RequestsFor(path).Single().Header("Idempotency-Key"), response.IdempotencyKey);
        Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", response.Value.Url);
    }

    private (StripeClient Client, string Path) CreateClient()
    {
        string prefix = _server.NewPath("/details");
        StripeClient client = TestClients.Create(_server, configure: o => o.BaseAddress = new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/"));
        return (client, prefix + "/v1/account_links");
    }

    private static AccountLinkCreateOptions Options() => new()
    {
        Account = "acct_1Nv0FGQ9RKHgCVdK",
        Type = AccountLinkType.AccountOnboarding,
        RefreshUrl = "https://example.com/reauth",
        ReturnUrl = "https://example.com/return",
    };
}
