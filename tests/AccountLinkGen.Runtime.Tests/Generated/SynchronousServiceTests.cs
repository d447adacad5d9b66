using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Generated;

/// <summary>
/// The generated service's synchronous twins (<c>Create</c>, <c>CreateWithResponse</c>) against the recording Kestrel
/// server: the same request as <c>CreateAsync</c>, byte for byte, sent on the calling thread, with the same retries,
/// validation and errors.
/// </summary>
public sealed class SynchronousServiceTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public SynchronousServiceTests(StripeTestServer server) => _server = server;

    [Fact]
    public void Create_SendsTheSameRequestAsCreateAsync_AndParsesTheAccountLink()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            AccountLink link = new AccountLinkService(client).Create(AccountLinkServiceTests.ValidOptions());

            RecordedRequest request = Assert.Single(_server.RequestsFor(path));
            Assert.Equal("POST", request.Method);
            Assert.Equal(AccountLinkServiceTests.ValidBody, request.Body);
            Assert.Equal(AccountLinkService.ApiVersion, request.Header("Stripe-Version"));
            Assert.True(Guid.TryParse(request.Header("Idempotency-Key"), out _), request.Header("Idempotency-Key"));
            Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", link.Url);
        }
    }

    [Fact]
    public void CreateWithResponse_ReturnsTheModelWithTheRequestId_AfterARetryWithTheSameKey()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            _server.Script(path, ScriptedResponse.Error(500));

            StripeResponse<AccountLink> response = new AccountLinkService(client).CreateWithResponse(AccountLinkServiceTests.ValidOptions());

            Assert.Equal("account_link", response.Value.Object);
            Assert.StartsWith("req_", response.RequestId, StringComparison.Ordinal);
            IReadOnlyList<RecordedRequest> requests = _server.RequestsFor(path);
            Assert.Equal(2, requests.Count);
            Assert.Equal(requests[0].Header("Idempotency-Key"), requests[1].Header("Idempotency-Key"));
            Assert.All(requests, r => Assert.Equal(AccountLinkServiceTests.ValidBody, r.Body));
        }
    }

    [Fact]
    public void InvalidOptions_ThrowFromTheCall_AndSendNothing()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            AccountLinkCreateOptions options = AccountLinkServiceTests.ValidOptions();
            options.Account = string.Empty;

            var exception = Assert.Throws<StripeValidationException>(() => new AccountLinkService(client).Create(options));

            Assert.Contains(exception.Result.Problems, p => p.Param == "account" && p.Code == ValidationCodes.Required);
            Assert.Empty(_server.RequestsFor(path));
        }
    }

    [Fact]
    public void AClientWhoseHandlerCannotSendSynchronously_FailsWithNotSupported_AndSendsNothing()
    {
        var handler = new AsyncOnlyHandler();
        using var http = new HttpClient(handler);
        using var client = new StripeClient(new StripeClientOptions { ApiKey = TestClients.ApiKey, BaseAddress = new Uri("http://127.0.0.1:9/") }, http);

        var exception = Assert.Throws<NotSupportedException>(() => new AccountLinkService(client).Create(AccountLinkServiceTests.ValidOptions()));

        Assert.Contains("synchronously", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task ADelegatingHandlerThatOverridesOnlySendAsync_IsPassedOverBySynchronousCalls_AsDocumented()
    {
        string prefix = _server.NewPath("/generated-sync-delegating");
        var marker = new HeaderAddingHandler { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(marker);
        using var client = new StripeClient(
            new StripeClientOptions { ApiKey = TestClients.ApiKey, BaseAddress = new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/") },
            http);
        var service = new AccountLinkService(client);

        await service.CreateAsync(AccountLinkServiceTests.ValidOptions());
        service.Create(AccountLinkServiceTests.ValidOptions());

        IReadOnlyList<RecordedRequest> requests = _server.RequestsFor(prefix + "/v1/account_links");
        Assert.Equal(2, requests.Count);
        Assert.Equal("yes", requests[0].Header(HeaderAddingHandler.Header));
        Assert.Null(requests[1].Header(HeaderAddingHandler.Header));
    }

    private (StripeClient Client, string Path) CreateClient()
    {
        string prefix = _server.NewPath("/generated-sync");
        StripeClient client = TestClients.Create(_server, configure: o => o.BaseAddress = new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/"));
        return (client, prefix + "/v1/account_links");
    }

    /// <summary>A delegating handler that marks the requests it sees, overriding only <c>SendAsync</c>.</summary>
    private sealed class HeaderAddingHandler : DelegatingHandler
    {
        public const string Header = "X-Seen-By-Handler";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add(Header, "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A handler that, like many hand-written ones, overrides only <c>SendAsync</c>.</summary>
    private sealed class AsyncOnlyHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
