using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Wire.Tests.Generated;
using Xunit;

namespace AccountLinkGen.Wire.Tests.Validation;

/// <summary>Invalid options never reach the network: the service throws before it builds a request.</summary>
public sealed class ServiceValidationTests
{
    [Fact]
    public void Invalid_options_throw_synchronously_with_every_problem_and_no_request_is_sent()
    {
        var handler = new CountingHandler();
        using var client = NewClient(handler);
        var service = new AccountLinkService(client);
        AccountLinkCreateOptions options = ValidatorTableTests.Valid();
        options.Account = null!;
        options.RefreshUrl = "/reauth";

        // Thrown by CreateAsync itself, not stored in a returned Task: nothing was scheduled.
        var exception = Assert.Throws<StripeValidationException>(() => { _ = service.CreateAsync(options); });

        Assert.False(exception.Result.IsValid);
        Assert.Contains(exception.Result.Problems, p => p.Param == "account" && p.Code == "required");
        Assert.Contains(exception.Result.Problems, p => p.Param == "refresh_url" && p.Code == "invalid_url");
        Assert.Contains("account", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public void Invalid_options_throw_before_any_connection_with_the_default_transport()
    {
        // Port 9 (discard) on loopback: any connection attempt would surface as a connection error, not this.
        using var client = new StripeClient(new StripeClientOptions
        {
            ApiKey = "sk_test_x",
            BaseAddress = new Uri("http://127.0.0.1:9/"),
            MaxRetries = 0,
        });
        var service = new AccountLinkService(client);
        AccountLinkCreateOptions options = ValidatorTableTests.Valid();
        options.Type = default;

        var exception = Assert.Throws<StripeValidationException>(() => { _ = service.CreateAsync(options); });

        Assert.Contains(exception.Result.Problems, p => p.Param == "type" && p.Code == "required");
    }

    [Fact]
    public async Task Warnings_alone_do_not_stop_the_request_and_the_body_is_the_encoded_options()
    {
        var handler = new CountingHandler();
        using var client = NewClient(handler);
        var service = new AccountLinkService(client);
        AccountLinkCreateOptions options = ValidatorTableTests.Valid();
#pragma warning disable CS0618 // a deprecated parameter only warns.
        options.Collect = AccountLinkCollect.EventuallyDue;
#pragma warning restore CS0618

        AccountLink link = await service.CreateAsync(options);

        Assert.Equal("account_link", link.Object);
        Assert.Equal(1, handler.Requests);
        // Written out, not taken from the encoder under test: the deprecated parameter is still sent.
        Assert.Equal(
            "account=acct_1Nv0FGQ9RKHgCVdK&collect=eventually_due&refresh_url=https%3A%2F%2Fexample.com%2Freauth&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding",
            handler.LastBody);
    }

    private static StripeClient NewClient(HttpMessageHandler handler) =>
        new(new StripeClientOptions { ApiKey = "sk_test_x", BaseAddress = new Uri("http://127.0.0.1:9/"), MaxRetries = 0 }, new HttpClient(handler));

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public string? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"object\":\"account_link\",\"created\":1700000000,\"expires_at\":1700000300,\"url\":\"https://connect.stripe.com/setup/s/x\"}"),
            };
        }
    }
}
