using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

/// <summary>
/// What only the synchronous entry point can meet: a transport that cannot send synchronously. The call then fails at
/// once with an error that says so, sends nothing and is not retried; the same client still sends asynchronously.
/// Everything else the synchronous path does is covered by the theories that run both entry points.
/// </summary>
public sealed class SyncEntryPointTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public SyncEntryPointTests(StripeTestServer server) => _server = server;

    [Fact]
    public async Task A_handler_that_cannot_send_synchronously_fails_the_sync_call_saying_so_and_sends_nothing()
    {
        var handler = new AsyncOnlyHandler();
        var delays = new DelayRecorder();
        using var client = new StripeClient(TestClients.Options(_server, delays), new HttpClient(handler));
        StripeRequest<AccountLink> request = TestCalls.Request(HttpMethod.Post, "/v1/account_links", new AccountLinkForm(), AccountLink.Reader, null);

        var ex = Assert.Throws<NotSupportedException>(() => client.Send(request, null, default));

        Assert.Contains("cannot send synchronously", ex.Message, StringComparison.Ordinal);
        Assert.Contains("asynchronous", ex.Message, StringComparison.Ordinal);
        Assert.IsType<NotSupportedException>(ex.InnerException);
        Assert.Equal(0, handler.Requests);
        Assert.Empty(delays.Delays);

        AccountLink link = await client.SendAsync(request, null, default);
        Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", link.Url);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public void An_http2_request_fails_the_sync_call_saying_so_and_reaches_no_server()
    {
        string path = _server.NewPath();
        var delays = new DelayRecorder();
        using var http = new HttpClient(new Http2Handler(new SocketsHttpHandler()));
        using var client = new StripeClient(TestClients.Options(_server, delays), http);

        var ex = Assert.Throws<NotSupportedException>(
            () => client.Send(TestCalls.Request(HttpMethod.Post, path, new AccountLinkForm(), AccountLink.Reader, null), null, default));

        Assert.Contains("HTTP version", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.RequestsFor(path));
        Assert.Empty(delays.Delays);
    }

    /// <summary>A handler written before synchronous sends existed: it overrides only SendAsync.</summary>
    private sealed class AsyncOnlyHandler : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"object":"account_link","created":1,"expires_at":2,"url":"https://connect.stripe.com/setup/s/acct_1/abc"}"""),
            });
        }
    }

    /// <summary>Asks for HTTP/2, which the platform sends only asynchronously.</summary>
    private sealed class Http2Handler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            return base.Send(request, cancellationToken);
        }
    }
}
