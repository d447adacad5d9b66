using System;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

/// <summary>
/// The <c>Retry-After</c> forms the typed header does not cover or that depend on a clock: fractional seconds, a
/// date already past, a date on a response without <c>Date</c>, and values that are no wait at all (negative,
/// unparseable) or longer than any wait (beyond the cap, beyond what <see cref="TimeSpan"/> holds). Each test checks
/// the wait the client asked for.
/// </summary>
public sealed class RetryAfterTests : IClassFixture<StripeTestServer>
{
    private static readonly string RateLimited = ScriptedResponse.ErrorBody("rate_limit_error", "Too many requests.");

    private readonly StripeTestServer _server;

    public RetryAfterTests(StripeTestServer server) => _server = server;

    [Theory]
    [InlineData("1.5", 1500)]
    [InlineData("0.25", 250)]
    [InlineData("2.0", 2000)]
    [InlineData("0.001", 1)]
    public async Task Retry_after_with_fractional_seconds_waits_exactly_that_long(string retryAfter, int expectedMilliseconds)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(429, null, ("Retry-After", retryAfter)));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays);

        await client.CreateLinkAsync(path);

        Assert.Equal(new[] { TimeSpan.FromMilliseconds(expectedMilliseconds) }, delays.Delays);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }

    [Fact]
    public async Task Retry_after_fractional_seconds_above_the_cap_wait_the_cap()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503, null, ("Retry-After", "90.5")));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays, o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));

        await client.CreateLinkAsync(path);

        Assert.Equal(new[] { TimeSpan.FromSeconds(30) }, delays.Delays);
    }

    [Fact]
    public async Task Retry_after_http_date_in_the_past_of_the_servers_date_retries_at_once()
    {
        string path = _server.NewPath();
        var serverNow = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        _server.Script(path, ScriptedResponse.Error(
            503,
            null,
            ("Date", Http(serverNow)),
            ("Retry-After", Http(serverNow.AddSeconds(-30)))));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays);

        await client.CreateLinkAsync(path);

        // The server asked for a retry at a moment already gone: no wait at all, not the backoff.
        Assert.Empty(delays.Delays);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }

    [Fact]
    public async Task Retry_after_http_date_in_the_past_with_the_servers_own_date_retries_at_once()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(429, null, ("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays);

        await client.CreateLinkAsync(path);

        Assert.Empty(delays.Delays);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }

    [Fact]
    public async Task Retry_after_http_date_without_a_Date_header_is_measured_against_the_clients_clock_future_waits_up_to_the_cap()
    {
        // Without the server's Date, the moment the response arrived is "now" (RFC 9110 has a recipient record that
        // moment for a Date-less response): a day ahead of the client's clock is longer than the cap, so the cap is
        // waited, where ignoring the header would have given the millisecond backoff.
        await using var server = new RawHttpServer(
            RawHttpServer.Response("429 Too Many Requests", RateLimited, "Retry-After: " + Http(DateTimeOffset.UtcNow.AddDays(1))));
        var delays = new DelayRecorder();
        using var client = RawClient(server, delays, TimeSpan.FromSeconds(45));

        StripeResponse<AccountLink> response = await client.SendWithResponseAsync(
            HttpMethod.Post, "/v1/account_links", new AccountLinkForm(), AccountLink.Reader, null, null, default);

        Assert.Equal(new[] { TimeSpan.FromSeconds(45) }, delays.Delays);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, server.Requests);
        Assert.Null(response.Headers.Date);
    }

    [Fact]
    public async Task Retry_after_http_date_without_a_Date_header_is_measured_against_the_clients_clock_past_retries_at_once()
    {
        await using var server = new RawHttpServer(
            RawHttpServer.Response("503 Service Unavailable", RateLimited, "Retry-After: " + Http(DateTimeOffset.UtcNow.AddDays(-1))));
        var delays = new DelayRecorder();
        using var client = RawClient(server, delays, TimeSpan.FromSeconds(60));

        StripeResponse<AccountLink> response = await client.SendWithResponseAsync(
            HttpMethod.Post, "/v1/account_links", new AccountLinkForm(), AccountLink.Reader, null, null, default);

        Assert.Empty(delays.Delays);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Retry_after_fractional_seconds_without_a_Date_header_waits_exactly_that_long()
    {
        await using var server = new RawHttpServer(RawHttpServer.Response("429 Too Many Requests", RateLimited, "Retry-After: 2.75"));
        var delays = new DelayRecorder();
        using var client = RawClient(server, delays, TimeSpan.FromSeconds(60));

        await client.CreateLinkAsync("/v1/account_links");

        Assert.Equal(new[] { TimeSpan.FromMilliseconds(2750) }, delays.Delays);
        Assert.Equal(2, server.Requests);
    }

    [Theory]
    [InlineData("3600")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999")]
    [InlineData("1000000000000000000000000000000000000000.5")]
    public async Task Retry_after_beyond_the_cap_or_beyond_a_TimeSpan_waits_the_cap(string retryAfter)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(429, RateLimited, ("Retry-After", retryAfter)));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays, o => o.MaxRetryAfter = TimeSpan.FromSeconds(20));

        await client.CreateLinkAsync(path);

        // A server that asks for an absurd wait still asks to wait long: the cap, never an overflow or the short backoff.
        Assert.Equal(new[] { TimeSpan.FromSeconds(20) }, delays.Delays);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("-0.5")]
    [InlineData("soon")]
    [InlineData("1,5")]
    [InlineData("1e3")]
    [InlineData("")]
    public async Task Retry_after_that_is_negative_or_unparseable_is_ignored_for_the_backoff(string retryAfter)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503, null, ("Retry-After", retryAfter)));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays, o =>
        {
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(40);
            o.MaxRetryDelay = TimeSpan.FromSeconds(1);
            o.Jitter = () => 1;
        });

        await client.CreateLinkAsync(path);

        // Not a wait of zero (a negative delay is no request to hurry) and not the cap: the status's own backoff.
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(40) }, delays.Delays);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }

    private static StripeClient RawClient(RawHttpServer server, DelayRecorder delays, TimeSpan maxRetryAfter) => new(new StripeClientOptions
    {
        ApiKey = TestClients.ApiKey,
        BaseAddress = server.BaseAddress,
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(2),
        MaxRetryAfter = maxRetryAfter,
        DelayAsync = delays.DelayAsync,
    });

    private static string Http(DateTimeOffset time) => time.ToString("r", CultureInfo.InvariantCulture);
}
