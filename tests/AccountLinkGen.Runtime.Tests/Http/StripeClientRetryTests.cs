using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

public sealed class StripeClientRetryTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public StripeClientRetryTests(StripeTestServer server) => _server = server;

    [Theory]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Retryable_status_is_retried_with_the_same_key_and_body(int status)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(status), ScriptedResponse.Error(status));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays);

        AccountLink link = await client.CreateLinkAsync(path);

        Assert.Equal("account_link", link.Object);
        var requests = _server.RequestsFor(path);
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Header("Idempotency-Key")).Distinct());
        Assert.Single(requests.Select(r => r.Body).Distinct());
        Assert.Equal(2, delays.Delays.Length);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Retryable_status_gives_up_after_max_retries(int status)
    {
        string path = _server.NewPath();
        _server.Script(path, Enumerable.Repeat(ScriptedResponse.Error(status), 3).ToArray());
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, _server.RequestsFor(path).Count);
        Assert.Equal(_server.RequestsFor(path)[0].Header("Idempotency-Key"), ex.IdempotencyKey);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Other_client_errors_are_not_retried(int status)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(status, ScriptedResponse.ErrorBody("invalid_request_error", "No such thing.")));
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(_server.RequestsFor(path));
    }

    [Fact]
    public async Task Should_retry_false_stops_a_500()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(500, null, ("Stripe-Should-Retry", "false")));
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(_server.RequestsFor(path));
    }

    [Fact]
    public async Task Should_retry_true_retries_a_400()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(400, null, ("Stripe-Should-Retry", "true")));
        using var client = TestClients.Create(_server);

        AccountLink link = await client.CreateLinkAsync(path);

        Assert.NotNull(link.Url);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }

    [Fact]
    public async Task Backoff_doubles_from_the_initial_delay_up_to_the_cap_with_jitter()
    {
        string path = _server.NewPath();
        _server.Script(path, Enumerable.Repeat(ScriptedResponse.Error(500), 6).ToArray());
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays, o =>
        {
            o.MaxRetries = 5;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(500);
            o.MaxRetryDelay = TimeSpan.FromSeconds(5);
            o.Jitter = () => 1.0;
        });

        await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

        Assert.Equal(new[] { 500.0, 1000, 2000, 4000, 5000 }, delays.Delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task Jitter_scales_backoff_down_to_half()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503), ScriptedResponse.Error(503));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays, o =>
        {
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(500);
            o.MaxRetryDelay = TimeSpan.FromSeconds(5);
            o.Jitter = () => 0.0;
        });

        await client.CreateLinkAsync(path);

        Assert.Equal(new[] { 250.0, 500 }, delays.Delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task Retry_after_seconds_is_obeyed()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(429, null, ("Retry-After", "7")));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays);

        await client.CreateLinkAsync(path);

        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, delays.Delays);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }

    [Fact]
    public async Task Retry_after_http_date_is_measured_against_the_server_date()
    {
        string path = _server.NewPath();
        var serverNow = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        _server.Script(path, ScriptedResponse.Error(
            429,
            null,
            ("Date", serverNow.ToString("r", CultureInfo.InvariantCulture)),
            ("Retry-After", serverNow.AddSeconds(12).ToString("r", CultureInfo.InvariantCulture))));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays);

        await client.CreateLinkAsync(path);

        Assert.Equal(new[] { TimeSpan.FromSeconds(12) }, delays.Delays);
    }

    [Fact]
    public async Task Retry_after_is_capped()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503, null, ("Retry-After", "3600")));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays, o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));

        await client.CreateLinkAsync(path);

        Assert.Equal(new[] { TimeSpan.FromSeconds(30) }, delays.Delays);
    }

    [Fact]
    public async Task Connection_reset_mid_response_is_retried()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Ok() with { AbortAfterBodyBytes = 20 });
        using var client = TestClients.Create(_server);

        AccountLink link = await client.CreateLinkAsync(path);

        AssertSucceededOnTheSecondAttemptWithOneKey(link, path);
    }

    [Fact]
    public async Task Connection_resets_on_every_attempt_become_a_connection_exception()
    {
        string path = _server.NewPath();
        _server.Script(path, Enumerable.Repeat(ScriptedResponse.Ok() with { AbortAfterBodyBytes = 5 }, 3).ToArray());
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeConnectionException>(() => client.CreateLinkAsync(path));

        Assert.Equal(3, ex.Attempts);
        Assert.False(ex.TimedOut);
        Assert.NotNull(ex.InnerException);
        Assert.Equal(_server.RequestsFor(path)[0].Header("Idempotency-Key"), ex.IdempotencyKey);
        Assert.Equal(3, _server.RequestsFor(path).Count);
    }

    [Fact]
    public async Task Refused_connection_is_retried_then_reported()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays, o => o.BaseAddress = new Uri($"http://127.0.0.1:{port}/"));

        var ex = await Assert.ThrowsAsync<StripeConnectionException>(() => client.CreateLinkAsync("/v1/account_links"));

        Assert.Equal(3, ex.Attempts);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(2, delays.Delays.Length);
        Assert.NotNull(ex.IdempotencyKey);
    }

    [Fact]
    public async Task Slow_attempt_times_out_and_is_retried()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) });
        // Generous enough that the fast second attempt never times out on a busy machine.
        using var client = TestClients.Create(_server, configure: o => o.Timeout = TimeSpan.FromSeconds(3));

        AccountLink link = await client.CreateLinkAsync(path);

        AssertSucceededOnTheSecondAttemptWithOneKey(link, path);
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_become_a_timed_out_connection_exception()
    {
        string path = _server.NewPath();
        _server.Script(path, Enumerable.Repeat(ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) }, 2).ToArray());
        using var client = TestClients.Create(_server, configure: o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
        });

        var ex = await Assert.ThrowsAsync<StripeConnectionException>(() => client.CreateLinkAsync(path));

        Assert.True(ex.TimedOut);
        Assert.Equal(2, ex.Attempts);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
    }

    [Fact]
    public async Task Caller_cancellation_during_a_request_is_not_retried()
    {
        string path = _server.NewPath();
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Script(path, ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(30), Received = received });
        using var client = TestClients.Create(_server);
        using var cts = new CancellationTokenSource();

        Task<AccountLink> call = client.CreateLinkAsync(path, cancellationToken: cts.Token);
        await received.Task;
        cts.Cancel();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(_server.RequestsFor(path));
    }

    [Fact]
    public async Task Caller_cancellation_during_backoff_is_not_retried()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(500));
        using var cts = new CancellationTokenSource();
        var delays = new DelayRecorder { OnDelay = _ => cts.Cancel() };
        using var client = TestClients.Create(_server, delays);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CreateLinkAsync(path, cancellationToken: cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(_server.RequestsFor(path));
    }

    [Fact]
    public async Task Already_canceled_token_sends_nothing()
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.CreateLinkAsync(path, cancellationToken: new CancellationToken(canceled: true)));

        Assert.Empty(_server.RequestsFor(path));
    }

    [Fact]
    public async Task Caller_supplied_idempotency_key_is_used_on_every_retry()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(409), ScriptedResponse.Ok() with { AbortAfterBodyBytes = 1 });
        using var client = TestClients.Create(_server);

        await client.CreateLinkAsync(path, new RequestOptions { IdempotencyKey = "order-42" });

        Assert.All(_server.RequestsFor(path), r => Assert.Equal("order-42", r.Header("Idempotency-Key")));
        Assert.Equal(3, _server.RequestsFor(path).Count);
    }

    /// <summary>The link came back after exactly one retry, and both attempts carried the same idempotency key.</summary>
    private void AssertSucceededOnTheSecondAttemptWithOneKey(AccountLink link, string path)
    {
        Assert.NotNull(link.Url);
        var requests = _server.RequestsFor(path);
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Header("Idempotency-Key"), requests[1].Header("Idempotency-Key"));
    }
}
