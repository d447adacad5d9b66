using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

public sealed class StripeClientSafetyTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public StripeClientSafetyTests(StripeTestServer server) => _server = server;

    public static TheoryData<string> UnsafeValues() => new()
    {
        "a\r\nX-Evil: 1", "a\nb", "a\rb", "a\0b",
        // Not injection, but unsendable: the handler would fail every attempt on the wire.
        "acct_\u00e9", "a\u00a0b", "key\U0001F600", "a\u0001b", "a\tb", "a\u007fb", "\u2028",
    };

    [Theory]
    [MemberData(nameof(UnsafeValues))]
    public async Task Request_header_injection_is_rejected_before_sending(string value)
    {
        string path = _server.NewPath();
        using var client = TestClients.Create(_server);

        var cases = new (string Header, Func<Task> Call)[]
        {
            ("Stripe-Account", () => client.CreateLinkAsync(path, new RequestOptions { StripeAccount = value })),
            ("Idempotency-Key", () => client.CreateLinkAsync(path, new RequestOptions { IdempotencyKey = value })),
            ("Stripe-Version", () => client.CreateLinkAsync(path, new RequestOptions { ApiVersion = value })),
            ("Stripe-Version", () => client.SendAsync(HttpMethod.Post, path, null, AccountLink.Reader, value, null, default)),
        };

        foreach (var (header, call) in cases)
        {
            var ex = await Assert.ThrowsAsync<ArgumentException>(call);
            Assert.Contains(header, ex.Message);
        }

        Assert.Empty(_server.RequestsFor(path));
    }

    [Theory]
    [MemberData(nameof(UnsafeValues))]
    public void Client_header_injection_is_rejected_at_construction(string value)
    {
        var version = Assert.Throws<ArgumentException>(() => TestClients.Create(_server, configure: o => o.ApiVersion = value));
        Assert.Contains("Stripe-Version", version.Message);

        var key = Assert.Throws<ArgumentException>(() => TestClients.Create(_server, configure: o => o.ApiKey = "sk_test_" + value));
        Assert.Contains("Authorization", key.Message);
        Assert.DoesNotContain("sk_test_", key.ToString());
    }

    [Fact]
    public void A_non_ASCII_API_key_fails_at_construction_and_nothing_is_sent()
    {
        // A key pasted with a typographic dash: the HTTP stack cannot send it, so before this check every request
        // failed on the network three times and surfaced as a connection error.
        var options = TestClients.Options(_server);
        options.ApiKey = "sk_test_51Leak\u2013Canary";
        var handler = new CountingHandler();

        var ex = Assert.Throws<ArgumentException>(() => new StripeClient(options, new HttpClient(handler)));
        var own = Assert.Throws<ArgumentException>(() => new StripeClient(options));

        Assert.Equal(nameof(StripeClientOptions.ApiKey), ex.ParamName);
        Assert.Contains("Authorization", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ASCII", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Canary", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(ex.Message, own.Message);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task A_non_ASCII_connected_account_fails_once_as_an_argument_error_without_retries()
    {
        string path = _server.NewPath();
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateLinkAsync(path, new RequestOptions { StripeAccount = "acct_\u00c5" }));

        Assert.Contains("Stripe-Account", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.RequestsFor(path));
        Assert.Empty(delays.Delays);
    }

    [Theory]
    [InlineData("http://api.stripe.com/")]
    [InlineData("http://10.0.0.7:8080/")]
    [InlineData("http://example.com/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("https://api.stripe.com/?x=1")]
    public void Unsafe_base_address_is_refused(string address)
    {
        var ex = Assert.Throws<ArgumentException>(() => TestClients.Create(_server, configure: o => o.BaseAddress = new Uri(address)));

        Assert.Equal("BaseAddress", ex.ParamName);
        Assert.Contains("BaseAddress", ex.Message);
    }

    [Fact]
    public void Relative_base_address_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => TestClients.Create(_server, configure: o => o.BaseAddress = new Uri("v1/", UriKind.Relative)));
        Assert.Equal("BaseAddress", ex.ParamName);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/")]
    [InlineData("http://localhost:1/")]
    [InlineData("http://[::1]:1/")]
    [InlineData("https://api.stripe.com/")]
    public async Task Https_or_loopback_base_address_is_accepted_and_requests_go_there(string address)
    {
        var options = TestClients.Options(_server);
        options.BaseAddress = new Uri(address);
        var handler = new CountingHandler();
        using var client = new StripeClient(options, new HttpClient(handler));

        await Assert.ThrowsAsync<StripeResponseException>(() => client.CreateLinkAsync("/v1/account_links"));

        Assert.Equal(1, handler.Requests);
        Assert.Equal(new Uri(new Uri(address), "v1/account_links"), handler.LastUri);
    }

    [Theory]
    [InlineData("https://evil.example/v1/account_links")]
    [InlineData("//evil.example/v1/account_links")]
    [InlineData("")]
    public async Task Absolute_path_is_refused_so_the_key_cannot_leave_the_base_address(string path)
    {
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateLinkAsync(path));

        Assert.Equal("path", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_api_key_is_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => new StripeClient(key));
    }

    [Theory]
    [InlineData(-1, 80_000, 0)]
    [InlineData(2, 0, 0)]
    [InlineData(2, -5, 0)]
    [InlineData(2, 80_000, -1)]
    public void Out_of_range_settings_are_refused(int maxRetries, int timeoutMs, int delayMs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TestClients.Create(_server, configure: o =>
        {
            o.MaxRetries = maxRetries;
            o.Timeout = TimeSpan.FromMilliseconds(timeoutMs);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(delayMs);
        }));
    }

    [Fact]
    public async Task Api_key_never_appears_in_exceptions()
    {
        string key = TestClients.ApiKey;
        string echo = $$$"""{"error":{"type":"invalid_request_error","message":"Invalid API Key provided: {{{key}}}","param":"{{{key}}}"}}""";
        var failures = new List<Exception>();
        var scripts = new[]
        {
            ScriptedResponse.Error(401, echo),
            ScriptedResponse.Error(400, "<html>Bearer " + key + "</html>"),
            ScriptedResponse.Error(400, new string('.', 497) + key + new string('.', 900)),
            ScriptedResponse.Ok() with { Body = "{\"url\": \"" + key },
        };

        using (var client = TestClients.Create(_server))
        {
            foreach (var script in scripts)
            {
                string path = _server.NewPath();
                _server.Script(path, script);
                failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => client.CreateLinkAsync(path)));
                Assert.Equal("Bearer " + key, _server.RequestsFor(path)[0].Header("Authorization"));
            }

            string slow = _server.NewPath();
            _server.Script(slow, new[] { ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) }, ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) }, ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) } });
            using (var impatient = TestClients.Create(_server, configure: o => o.Timeout = TimeSpan.FromMilliseconds(300)))
            {
                failures.Add(await Assert.ThrowsAsync<StripeConnectionException>(() => impatient.CreateLinkAsync(slow)));
            }

            string reset = _server.NewPath();
            _server.Script(reset, new[] { ScriptedResponse.Ok() with { AbortAfterBodyBytes = 3 }, ScriptedResponse.Ok() with { AbortAfterBodyBytes = 3 }, ScriptedResponse.Ok() with { AbortAfterBodyBytes = 3 } });
            failures.Add(await Assert.ThrowsAsync<StripeConnectionException>(() => client.CreateLinkAsync(reset)));
            failures.Add(await Assert.ThrowsAsync<ArgumentException>(() => client.CreateLinkAsync("https://evil.example/")));
            failures.Add(await Assert.ThrowsAsync<ArgumentException>(() => client.CreateLinkAsync("/x", new RequestOptions { StripeAccount = key + "\n" })));
        }

        using var refused = TestClients.Create(_server, configure: o => o.BaseAddress = new Uri("http://127.0.0.1:1/"));
        failures.Add(await Assert.ThrowsAsync<StripeConnectionException>(() => refused.CreateLinkAsync("/v1/account_links")));
        failures.Add(Assert.Throws<ArgumentException>(() => TestClients.Create(_server, configure: o => o.BaseAddress = new Uri("http://example.com/"))));
        failures.Add(Assert.Throws<ArgumentException>(() => TestClients.Create(_server, configure: o => o.ApiKey = key + "\r\n")));

        Assert.Equal(11, failures.Count);
        foreach (Exception failure in failures)
        {
            Assert.DoesNotContain(key, failure.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal);
            if (failure is StripeApiException { StripeError: { } error })
            {
                Assert.DoesNotContain(key, error.Message ?? string.Empty, StringComparison.Ordinal);
                Assert.DoesNotContain(key, error.Param ?? string.Empty, StringComparison.Ordinal);
            }

            if (failure is StripeResponseException response)
            {
                Assert.DoesNotContain(key, response.BodyExcerpt, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(key, TestClients.Options(_server).ToString()!, StringComparison.Ordinal);
        using var plain = TestClients.Create(_server);
        Assert.DoesNotContain(key, plain.ToString()!, StringComparison.Ordinal);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _requests;

        public int Requests => System.Threading.Volatile.Read(ref _requests);

        public Uri? LastUri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            LastUri = request.RequestUri;
            System.Threading.Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
