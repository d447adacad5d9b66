using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Generated;

/// <summary>
/// The service generated from <c>spec/account_links.yaml</c>, driven through a real <see cref="StripeClient"/>
/// against the recording Kestrel server. Each test gets its own base-address prefix, so the generated path
/// <c>/v1/account_links</c> lands on a server path no other test uses.
/// </summary>
public sealed class AccountLinkServiceTests : IClassFixture<StripeTestServer>
{
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly StripeTestServer _server;

    public AccountLinkServiceTests(StripeTestServer server) => _server = server;

    [Fact]
    public async Task CreateAsync_SendsTheExactRequest_AndParsesTheAccountLink()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            AccountLinkCreateOptions options = ValidOptions();

            AccountLink link = await new AccountLinkService(client).CreateAsync(options);

            RecordedRequest request = Assert.Single(_server.RequestsFor(path));
            Assert.Equal("POST", request.Method);
            Assert.Equal(path, request.Path);
            Assert.Equal(string.Empty, request.Query);
            Assert.Equal("Bearer " + TestClients.ApiKey, request.Header("Authorization"));
            Assert.Equal(AccountLinkService.ApiVersion, request.Header("Stripe-Version"));
            Assert.Equal(TestClients.SpecApiVersion, AccountLinkService.ApiVersion);
            Assert.Null(request.Header("Stripe-Account"));
            Assert.True(Guid.TryParse(request.Header("Idempotency-Key"), out _), request.Header("Idempotency-Key"));
            Assert.Equal(FormContentType, request.Header("Content-Type"));
            Assert.Equal(ExpectedUserAgent(), request.Header("User-Agent"));

            Assert.Equal(ValidBody, request.Body);

            Assert.Equal("account_link", link.Object);
            Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", link.Url);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), link.Created);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000300), link.ExpiresAt);
            Assert.Equal(TimeSpan.Zero, link.Created.Offset);
            Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), link.Created);
        }
    }

    [Theory]
    [InlineData(null, null, AccountLinkService.ApiVersion)]
    [InlineData("2099-01-01", null, "2099-01-01")]
    [InlineData(null, "2099-02-02", "2099-02-02")]
    [InlineData("2099-01-01", "2099-02-02", "2099-02-02")]
    public async Task StripeVersion_IsTheSpecs_UnlessTheClientOrTheRequestNamesAnother(string? clientVersion, string? requestVersion, string expected)
    {
        var (client, path) = CreateClient(o => o.ApiVersion = clientVersion);
        using (client)
        {
            await new AccountLinkService(client).CreateAsync(ValidOptions(), new RequestOptions { ApiVersion = requestVersion });

            Assert.Equal(expected, Assert.Single(_server.RequestsFor(path)).Header("Stripe-Version"));
        }
    }

    [Fact]
    public async Task RequestOptions_SetStripeAccount_AndIdempotencyKey()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            var requestOptions = new RequestOptions { StripeAccount = "acct_connected", IdempotencyKey = "link-for-acct-1" };

            await new AccountLinkService(client).CreateAsync(ValidOptions(), requestOptions);

            RecordedRequest request = Assert.Single(_server.RequestsFor(path));
            Assert.Equal("acct_connected", request.Header("Stripe-Account"));
            Assert.Equal("link-for-acct-1", request.Header("Idempotency-Key"));
        }
    }

    [Fact]
    public async Task A500_IsRetried_WithTheSameIdempotencyKey_AndBody()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            _server.Script(path, ScriptedResponse.Error(500));
            AccountLinkCreateOptions options = ValidOptions();

            AccountLink link = await new AccountLinkService(client).CreateAsync(options);

            Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", link.Url);
            IReadOnlyList<RecordedRequest> requests = _server.RequestsFor(path);
            Assert.Equal(2, requests.Count);
            string? key = requests[0].Header("Idempotency-Key");
            Assert.True(Guid.TryParse(key, out _), key);
            Assert.Equal(key, requests[1].Header("Idempotency-Key"));
            Assert.All(requests, r => Assert.Equal(ValidBody, r.Body));
        }
    }

    /// <summary>Each case breaks valid options one way; the expected errors are "param code", in parameter order.</summary>
    public static TheoryData<string, string[]> InvalidOptions => new()
    {
        { "empty account", new[] { "account required" } },
        { "account over maxLength", new[] { "account max_length" } },
        { "relative refresh_url", new[] { "refresh_url invalid_url" } },
        { "missing return_url", new[] { "return_url required" } },
        { "undefined collection_options[fields]", new[] { "collection_options[fields] invalid_enum" } },
        { "null expand item", new[] { "expand[1] required" } },
        { "collect with collection_options", new[] { "collection_options mutually_exclusive" } },
        { "several at once", new[] { "account required", "refresh_url invalid_url", "return_url invalid_url" } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task InvalidOptions_ThrowStripeValidationException_AndSendNothing(string invalid, string[] expectedErrors)
    {
        var (client, path) = CreateClient();
        using (client)
        {
            AccountLinkCreateOptions options = ValidOptions();
            Break(options, invalid);

            var exception = await Assert.ThrowsAsync<StripeValidationException>(() => new AccountLinkService(client).CreateAsync(options));

            Assert.False(exception.Result.IsValid);
            Assert.Equal(
                expectedErrors,
                exception.Result.Problems.Where(p => p.Severity == ValidationSeverity.Error).Select(p => p.Param + " " + p.Code));
            Assert.Empty(_server.RequestsFor(path));
        }
    }

    [Fact]
    public async Task ADeprecatedParameter_OnlyWarns_AndTheRequestIsSent()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            AccountLinkCreateOptions options = ValidOptions();
            options.CollectionOptions = null;
#pragma warning disable CS0618 // The deprecated parameter is the point of this test.
            options.Collect = AccountLinkCollect.CurrentlyDue;
#pragma warning restore CS0618

            ValidationResult result = options.Validate();
            AccountLink link = await new AccountLinkService(client).CreateAsync(options);

            Assert.True(result.IsValid);
            ValidationProblem warning = Assert.Single(result.Problems);
            Assert.Equal(ValidationSeverity.Warning, warning.Severity);
            Assert.Equal(ValidationCodes.Deprecated, warning.Code);
            Assert.Equal("collect", warning.Param);
            Assert.Equal("account_link", link.Object);
            RecordedRequest request = Assert.Single(_server.RequestsFor(path));
            Assert.Equal(
                "account=acct_1Nv0FGQ9RKHgCVdK&collect=currently_due&expand[0]=url&expand[1]=a+b"
                + "&refresh_url=https%3A%2F%2Fexample.com%2Freauth%3Fx%3D1&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding",
                request.Body);
        }
    }

    [Fact]
    public async Task A400StripeError_IsStripeApiException_WithTheParsedError()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            const string Body = """
                {"error":{"type":"invalid_request_error","code":"url_invalid","param":"refresh_url",
                "message":"Not a valid URL","doc_url":"https://stripe.com/docs/error-codes/url-invalid",
                "request_log_url":"https://dashboard.stripe.com/test/logs/req_abc","decline_code":null}}
                """;
            _server.Script(path, ScriptedResponse.Error(400, Body));

            var exception = await Assert.ThrowsAsync<StripeApiException>(() => new AccountLinkService(client).CreateAsync(ValidOptions()));

            Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
            Assert.Equal(1, exception.Attempts);
            StripeError error = Assert.IsType<StripeError>(exception.StripeError);
            Assert.Equal("invalid_request_error", error.Type);
            Assert.Equal("url_invalid", error.Code);
            Assert.Equal("refresh_url", error.Param);
            Assert.Equal("Not a valid URL", error.Message);
            Assert.Equal("https://stripe.com/docs/error-codes/url-invalid", error.DocUrl);
            Assert.Equal("https://dashboard.stripe.com/test/logs/req_abc", error.RequestLogUrl);
            Assert.Null(error.DeclineCode);
            Assert.StartsWith("req_", exception.RequestId, StringComparison.Ordinal);
            RecordedRequest request = Assert.Single(_server.RequestsFor(path));
            Assert.Equal(request.Header("Idempotency-Key"), exception.IdempotencyKey);
            Assert.Contains("Not a valid URL", exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"object":"account_link","created":1700000000,""")]
    [InlineData("""{"object":"account_link","created":"soon","expires_at":1700000300,"url":"https://x"}""")]
    [InlineData("""[]""")]
    [InlineData("""not json""")]
    [InlineData("")]
    public async Task MalformedJsonWith200_IsStripeResponseException(string body)
    {
        var (client, path) = CreateClient();
        using (client)
        {
            _server.Script(path, new ScriptedResponse { Body = body });

            var exception = await Assert.ThrowsAsync<StripeResponseException>(() => new AccountLinkService(client).CreateAsync(ValidOptions()));

            Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
            Assert.IsAssignableFrom<JsonException>(exception.InnerException);
            Assert.StartsWith("req_", exception.RequestId, StringComparison.Ordinal);
            Assert.Equal(Assert.Single(_server.RequestsFor(path)).Header("Idempotency-Key"), exception.IdempotencyKey);
        }
    }

    [Theory]
    [InlineData("url")]
    [InlineData("created")]
    [InlineData("expires_at")]
    [InlineData("object")]
    public async Task A200WithoutARequiredField_IsAnExceptionNamingIt(string field)
    {
        var (client, path) = CreateClient();
        using (client)
        {
            var fields = new Dictionary<string, object>
            {
                ["object"] = "account_link",
                ["created"] = 1700000000,
                ["expires_at"] = 1700000300,
                ["url"] = "https://connect.stripe.com/setup/s/acct_1/abc",
            };
            fields.Remove(field);
            _server.Script(path, new ScriptedResponse { Body = JsonSerializer.Serialize(fields) });

            var exception = await Assert.ThrowsAsync<StripeResponseException>(() => new AccountLinkService(client).CreateAsync(ValidOptions()));

            var inner = Assert.IsAssignableFrom<JsonException>(exception.InnerException);
            Assert.Contains("'" + field + "'", inner.Message, StringComparison.Ordinal);
            Assert.Contains("JsonException", exception.Message, StringComparison.Ordinal);
            Assert.Single(_server.RequestsFor(path));
        }
    }

    [Fact]
    public async Task NullOptions_ThrowArgumentNullException_AndSendNothing()
    {
        var (client, path) = CreateClient();
        using (client)
        {
            await Assert.ThrowsAsync<ArgumentNullException>(() => new AccountLinkService(client).CreateAsync(null!));

            Assert.Empty(_server.RequestsFor(path));
        }
    }

    private (StripeClient Client, string Path) CreateClient(Action<StripeClientOptions>? configure = null)
    {
        string prefix = _server.NewPath("/generated");
        StripeClient client = TestClients.Create(_server, configure: o =>
        {
            o.BaseAddress = new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/");
            configure?.Invoke(o);
        });
        return (client, prefix + "/v1/account_links");
    }

    /// <summary><see cref="ValidOptions"/> on the wire, written out here rather than taken from the encoder under test.</summary>
    internal const string ValidBody =
        "account=acct_1Nv0FGQ9RKHgCVdK&collection_options[fields]=eventually_due&collection_options[future_requirements]=include"
        + "&expand[0]=url&expand[1]=a+b&refresh_url=https%3A%2F%2Fexample.com%2Freauth%3Fx%3D1"
        + "&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding";

    internal static AccountLinkCreateOptions ValidOptions() => new()
    {
        Account = "acct_1Nv0FGQ9RKHgCVdK",
        RefreshUrl = "https://example.com/reauth?x=1",
        ReturnUrl = "https://example.com/return",
        Type = AccountLinkType.AccountOnboarding,
        CollectionOptions = new AccountLinkCollectionOptions
        {
            Fields = AccountLinkCollectionOptionsFields.EventuallyDue,
            FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include,
        },
        Expand = new List<string> { "url", "a b" },
    };

    private static void Break(AccountLinkCreateOptions options, string invalid)
    {
        switch (invalid)
        {
            case "empty account":
                options.Account = string.Empty;
                break;
            case "account over maxLength":
                options.Account = new string('a', 5001);
                break;
            case "relative refresh_url":
                options.RefreshUrl = "/reauth";
                break;
            case "missing return_url":
                options.ReturnUrl = null!;
                break;
            case "undefined collection_options[fields]":
                options.CollectionOptions!.Fields = (AccountLinkCollectionOptionsFields)42;
                break;
            case "null expand item":
                options.Expand!.Insert(1, null!);
                break;
            case "collect with collection_options":
#pragma warning disable CS0618 // Setting the deprecated parameter beside its replacement is the point of this case.
                options.Collect = AccountLinkCollect.EventuallyDue;
#pragma warning restore CS0618
                break;
            case "several at once":
                options.Account = null!;
                options.RefreshUrl = "example.com/reauth";
                options.ReturnUrl = " ";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(invalid), invalid, "Unknown case.");
        }
    }

    private static string ExpectedUserAgent() =>
        "AccountLinkGen/" + typeof(StripeClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
}
