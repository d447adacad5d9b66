using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

/// <summary>
/// A response whose headers arrive and whose body then stops: the per-attempt timeout covers reading the body, so
/// it fires. The server may already have acted, so another attempt is made only where a repeat cannot act twice:
/// a POST (always sent with an idempotency key), a request with a caller's key, or a method HTTP defines as
/// idempotent (GET, HEAD, PUT, DELETE, OPTIONS, TRACE). Anything else, such as a PATCH without a key, is sent once.
/// Each runs through both entry points: a blocking read of a stalled body must end at the timeout too.
/// </summary>
public sealed class StalledBodyTests : IClassFixture<StripeTestServer>
{
    // Generous enough that the healthy retry never times out on a busy machine; only the scripted stall does.
    private static readonly TimeSpan RetriedTimeout = TimeSpan.FromSeconds(3);
    // Long enough that the request itself reaches the server on a loaded machine, the first synchronous send of the
    // process included (it compiles the platform's synchronous path); the stall never ends, so only this waits.
    private static readonly TimeSpan FailingTimeout = TimeSpan.FromSeconds(1);

    private readonly StripeTestServer _server;

    public StalledBodyTests(StripeTestServer server) => _server = server;

    [Theory]
    [InlineData(0, Sending.Async)]
    [InlineData(30, Sending.Async)]
    [InlineData(0, Sending.Sync)]
    [InlineData(30, Sending.Sync)]
    public async Task A_post_whose_body_stalls_times_out_and_is_retried_with_the_same_key(int bytesBeforeTheStall, Sending sending)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Ok() with { StallAfterBodyBytes = bytesBeforeTheStall });
        using var client = TestClients.Create(_server, configure: o => o.Timeout = RetriedTimeout);

        StripeResponse<AccountLink> response = await client.SendWithResponseAsync(
            HttpMethod.Post, path, new AccountLinkForm(), AccountLink.Reader, null, null, default, sending);

        Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", response.Value.Url);
        Assert.Equal(2, response.Attempts);
        var requests = _server.RequestsFor(path);
        Assert.Equal(2, requests.Count);
        string key = Assert.Single(requests.Select(r => r.Header("Idempotency-Key")).Distinct())!;
        Assert.True(Guid.TryParse(key, out _));
        Assert.Equal(key, response.IdempotencyKey);
        Assert.Single(requests.Select(r => r.Body).Distinct());
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_post_whose_body_stalls_on_every_attempt_is_a_timed_out_connection_error_carrying_the_key(Sending sending)
    {
        string path = _server.NewPath();
        _server.Script(path, Enumerable.Repeat(ScriptedResponse.Ok() with { StallAfterBodyBytes = 12 }, 2).ToArray());
        using var client = TestClients.Create(_server, configure: o =>
        {
            o.Timeout = FailingTimeout;
            o.MaxRetries = 1;
        });

        var ex = await Assert.ThrowsAsync<StripeConnectionException>(() => client.CreateLinkAsync(path, sending: sending));

        Assert.True(ex.TimedOut);
        Assert.Equal(2, ex.Attempts);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        var requests = _server.RequestsFor(path);
        Assert.Equal(2, requests.Count);
        Assert.Equal(ex.IdempotencyKey, Assert.Single(requests.Select(r => r.Header("Idempotency-Key")).Distinct()));
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_chunked_body_that_stalls_is_a_timeout_never_a_short_body(Sending sending)
    {
        // Without a Content-Length only the body says where it ends: a stall in it must still be a timeout that is
        // retried, never half a body handed to the reader. (A timeout that falls between two reads makes the next
        // read return 0, like an end; the client checks its token after the read for that, a race no test can pin.)
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Ok() with { StallAfterBodyBytes = 30, Chunked = true }, ScriptedResponse.Ok() with { Chunked = true });
        using var client = TestClients.Create(_server, configure: o => o.Timeout = RetriedTimeout);

        StripeResponse<AccountLink> response = await client.SendWithResponseAsync(
            HttpMethod.Post, path, new AccountLinkForm(), AccountLink.Reader, null, null, default, sending);

        Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", response.Value.Url);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_body_that_stalls_through_an_injected_HttpClient_times_out_too(Sending sending)
    {
        // An injected handler drains a disposed response's connection, so the synchronous path cannot end a blocking
        // read by disposing it: it takes the cancelable read instead, and must still time out and retry.
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Ok() with { StallAfterBodyBytes = 12 });
        using var httpClient = new HttpClient(new SocketsHttpHandler()) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        StripeClientOptions options = TestClients.Options(_server);
        options.Timeout = RetriedTimeout;
        using var client = new StripeClient(options, httpClient);

        StripeResponse<AccountLink> response = await client.SendWithResponseAsync(
            HttpMethod.Post, path, new AccountLinkForm(), AccountLink.Reader, null, null, default, sending);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }

    [Theory]
    [InlineData("GET", Sending.Async)]
    [InlineData("DELETE", Sending.Async)]
    [InlineData("GET", Sending.Sync)]
    [InlineData("DELETE", Sending.Sync)]
    public async Task An_idempotent_method_whose_body_stalls_is_retried_without_a_key(string method, Sending sending)
    {
        string path = _server.NewPath("/v1/customers");
        _server.Script(path, ScriptedResponse.Ok() with { StallAfterBodyBytes = 5 });
        using var client = TestClients.Create(_server, configure: o => o.Timeout = RetriedTimeout);

        StripeResponse<AccountLink> response = await client.SendWithResponseAsync(
            new HttpMethod(method), path, null, AccountLink.Reader, null, null, default, sending);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, _server.RequestsFor(path).Count);
        Assert.All(_server.RequestsFor(path), r => Assert.Null(r.Header("Idempotency-Key")));
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_patch_without_a_key_whose_body_stalls_is_sent_once(Sending sending)
    {
        string path = _server.NewPath("/v1/customers");
        _server.Script(path, ScriptedResponse.Ok() with { StallAfterBodyBytes = 5 });
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays, o => o.Timeout = FailingTimeout);

        var ex = await Assert.ThrowsAsync<StripeConnectionException>(
            () => client.SendAsync(HttpMethod.Patch, path, null, AccountLink.Reader, null, null, default, sending));

        Assert.True(ex.TimedOut);
        Assert.Equal(1, ex.Attempts);
        Assert.Null(ex.IdempotencyKey);
        Assert.Single(_server.RequestsFor(path));
        Assert.Empty(delays.Delays);
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_patch_without_a_key_is_not_retried_after_a_server_error_either(Sending sending)
    {
        string path = _server.NewPath("/v1/customers");
        _server.Script(path, ScriptedResponse.Error(500));
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeApiException>(
            () => client.SendAsync(HttpMethod.Patch, path, null, AccountLink.Reader, null, null, default, sending));

        Assert.Equal(1, ex.Attempts);
        Assert.Single(_server.RequestsFor(path));
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_patch_with_the_callers_key_whose_body_stalls_is_retried_with_that_key(Sending sending)
    {
        string path = _server.NewPath("/v1/customers");
        _server.Script(path, ScriptedResponse.Ok() with { StallAfterBodyBytes = 5 });
        using var client = TestClients.Create(_server, configure: o => o.Timeout = RetriedTimeout);

        StripeResponse<AccountLink> response = await client.SendWithResponseAsync(
            HttpMethod.Patch, path, null, AccountLink.Reader, null, new RequestOptions { IdempotencyKey = "patch-7" }, default, sending);

        Assert.Equal(2, response.Attempts);
        Assert.All(_server.RequestsFor(path), r => Assert.Equal("patch-7", r.Header("Idempotency-Key")));
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }
}
