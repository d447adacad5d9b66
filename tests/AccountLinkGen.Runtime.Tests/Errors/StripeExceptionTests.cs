using System;
using System.Linq;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Generated;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Errors;

/// <summary>
/// Every way a call fails reaches the caller as a <see cref="StripeException"/>, so one catch handles them all and
/// still finds the request id and idempotency key where they exist.
/// </summary>
public sealed class StripeExceptionTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public StripeExceptionTests(StripeTestServer server) => _server = server;

    [Fact]
    public void Every_public_exception_of_the_runtime_derives_from_StripeException()
    {
        Type[] exceptions = typeof(StripeClient).Assembly.GetExportedTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t) && t != typeof(StripeException))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            new[] { typeof(StripeApiException), typeof(StripeConnectionException), typeof(StripeEventVersionException), typeof(StripeResponseException), typeof(StripeSignatureException), typeof(StripeValidationException) },
            exceptions);
        Assert.All(exceptions, t => Assert.True(t.IsSubclassOf(typeof(StripeException)), t.Name));
        Assert.True(typeof(StripeException).IsAbstract);
    }

    [Fact]
    public async Task An_error_response_is_a_StripeException_with_its_request_id_and_key()
    {
        var (service, path) = CreateService();
        _server.Script(path, ScriptedResponse.Error(400, ScriptedResponse.ErrorBody("invalid_request_error", "No such account.")));

        StripeException ex = await Assert.ThrowsAnyAsync<StripeException>(() => service.CreateAsync(Options()));

        Assert.IsType<StripeApiException>(ex);
        Assert.StartsWith("req_", ex.RequestId, StringComparison.Ordinal);
        Assert.Equal(_server.RequestsFor(path).Single().Header("Idempotency-Key"), ex.IdempotencyKey);
    }

    [Fact]
    public async Task An_unreadable_success_body_is_a_StripeException_with_its_request_id_and_key()
    {
        var (service, path) = CreateService();
        _server.Script(path, ScriptedResponse.Ok() with { Body = "<html>maintenance</html>" });

        StripeException ex = await Assert.ThrowsAnyAsync<StripeException>(() => service.CreateAsync(Options()));

        Assert.IsType<StripeResponseException>(ex);
        Assert.StartsWith("req_", ex.RequestId, StringComparison.Ordinal);
        Assert.Equal(_server.RequestsFor(path).Single().Header("Idempotency-Key"), ex.IdempotencyKey);
    }

    [Fact]
    public async Task No_answer_is_a_StripeException_with_the_key_and_no_request_id()
    {
        // Port 1 on loopback refuses the connection at once.
        using var client = new StripeClient(new StripeClientOptions
        {
            ApiKey = TestClients.ApiKey,
            BaseAddress = new Uri("http://127.0.0.1:1/"),
            MaxRetries = 0,
        });

        StripeException ex = await Assert.ThrowsAnyAsync<StripeException>(() => new AccountLinkService(client).CreateAsync(Options()));

        Assert.IsType<StripeConnectionException>(ex);
        Assert.Null(ex.RequestId);
        Assert.True(Guid.TryParse(ex.IdempotencyKey, out _), ex.IdempotencyKey);
    }

    [Fact]
    public void Invalid_options_are_a_StripeException_that_sent_nothing()
    {
        var (service, path) = CreateService();
        AccountLinkCreateOptions options = Options();
        options.Account = string.Empty;

        StripeException ex = Assert.ThrowsAny<StripeException>(() => { _ = service.CreateAsync(options); });

        Assert.IsType<StripeValidationException>(ex);
        Assert.Null(ex.RequestId);
        Assert.Null(ex.IdempotencyKey);
        Assert.Empty(_server.RequestsFor(path));
    }

    private (AccountLinkService Service, string Path) CreateService()
    {
        string prefix = _server.NewPath("/errors");
        StripeClient client = TestClients.Create(_server, configure: o =>
        {
            o.BaseAddress = new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/");
            o.MaxRetries = 0;
        });
        return (new AccountLinkService(client), prefix + "/v1/account_links");
    }

    private static AccountLinkCreateOptions Options() => new()
    {
        Account = "acct_1Nv0FGQ9RKHgCVdK",
        Type = AccountLinkType.AccountOnboarding,
        RefreshUrl = "https://example.com/reauth",
        ReturnUrl = "https://example.com/return",
    };
}
