using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Wire.Tests.Generated;
using AccountLinkGen.Wire.Tests.Support;
using Xunit;

namespace AccountLinkGen.Wire.Tests.Encoding;

/// <summary>
/// What a GET takes: Stripe's spec gives every GET an empty form body beside its query parameters, and the query
/// parameters are what is sent. The generated customer list and search services must put on the query string what
/// Stripe.net 53.1.0's <c>CustomerService</c> puts there, for pagination cursors, a time or a range
/// (<c>created</c> or <c>created[gte]</c>), <c>expand</c> and a search's required <c>query</c>.
/// </summary>
public sealed class QueryEncoderTests : IClassFixture<StripeNetEncoder>
{
    private const string ListJson = """{"object": "list", "data": [], "has_more": false, "url": "/v1/customers"}""";
    private const string SearchJson = """{"object": "search_result", "data": [], "has_more": false, "url": "/v1/customers/search"}""";

    private readonly StripeNetEncoder _stripeNet;

    public QueryEncoderTests(StripeNetEncoder stripeNet) => _stripeNet = stripeNet;

    public static IEnumerable<object[]> ListCases()
    {
        yield return new object[] { "a range", new CustomerListOptions { Created = new() { Gte = 1_690_000_000, Lt = 1_700_000_000 }, Limit = 3 } };
        yield return new object[] { "one time", new CustomerListOptions { CreatedExact = 1_690_000_000 } };
        yield return new object[] { "cursors and expand", new CustomerListOptions { StartingAfter = "cus_1", EndingBefore = "cus_0", Expand = new() { "data.default_source", "data.test_clock" } } };
        yield return new object[] { "text to escape", new CustomerListOptions { Email = "a+b@example.com", TestClock = "clock 1&2=[]" } };
        yield return new object[] { "nothing", new CustomerListOptions() };
    }

    [Theory]
    [MemberData(nameof(ListCases))]
    public async Task A_list_request_sends_the_query_StripeNet_sends(string name, CustomerListOptions options)
    {
        Assert.NotNull(name);
        string ours = await SendAsync(client => new CustomerService(client).ListAsync(options), ListJson);
        string theirs = await _stripeNet.EncodeQueryAsync(ToStripeNet(options));

        FormPairs.AssertSame(theirs, ours);
    }

    [Theory]
    [MemberData(nameof(ListCases))]
    public async Task Auto_paging_sends_the_next_page_as_StripeNet_sends_the_options_with_its_cursor_set(string name, CustomerListOptions options)
    {
        _ = name;
        const string Page = """
            {"object": "list", "has_more": true, "url": "/v1/customers",
             "data": [{"id": "cus_9", "object": "customer", "created": 1690000000, "livemode": false, "email": "x"}]}
            """;

        // The handler answers every page alike: the second request is the one with the cursor.
        string ours = await SendAsync(
            async client =>
            {
                int seen = 0;
                await foreach (Customer _ in new CustomerService(client).ListAutoPagingAsync(options))
                {
                    if (++seen == 2)
                    {
                        break;
                    }
                }

                return seen;
            },
            Page);
        global::Stripe.CustomerListOptions next = ToStripeNet(options);
        if (string.IsNullOrEmpty(options.StartingAfter) && !string.IsNullOrEmpty(options.EndingBefore))
        {
            next.EndingBefore = "cus_9";
        }
        else
        {
            next.StartingAfter = "cus_9";
        }

        FormPairs.AssertSame(await _stripeNet.EncodeQueryAsync(next), ours);
    }

    [Fact]
    public async Task A_range_is_sent_under_the_parameter_name_and_one_time_as_its_value()
    {
        string range = await SendAsync(client => new CustomerService(client).ListAsync(new CustomerListOptions { Created = new() { Gte = 5 } }), ListJson);
        string exact = await SendAsync(client => new CustomerService(client).ListAsync(new CustomerListOptions { CreatedExact = 5 }), ListJson);

        Assert.Equal("created[gte]=5", Uri.UnescapeDataString(range));
        Assert.Equal("created=5", exact);
    }

    [Fact]
    public void A_time_and_a_range_at_once_is_a_validation_problem_naming_the_parameter()
    {
        var options = new CustomerListOptions { Created = new() { Gte = 5 }, CreatedExact = 5 };

        ValidationProblem problem = Assert.Single(options.Validate().Problems);
        Assert.Equal("created", problem.Param);
    }

    [Fact]
    public async Task A_search_sends_its_required_query_as_StripeNet_does()
    {
        var options = new CustomerSearchOptions { Query = "email:'a+b@example.com' AND metadata['plan']:\"pro\"", Limit = 10, Page = "page_2" };

        string ours = await SendAsync(client => new CustomerService(client).SearchAsync(options), SearchJson);
        string theirs = await _stripeNet.EncodeQueryAsync(new global::Stripe.CustomerSearchOptions { Query = options.Query, Limit = options.Limit, Page = options.Page });

        FormPairs.AssertSame(theirs, ours);
    }

    [Fact]
    public async Task A_search_reads_its_own_item_type()
    {
        StripeSearchResult<Customer> result = await ReadAsync(client => new CustomerService(client).SearchAsync(new CustomerSearchOptions { Query = "email:'x'" }), """
            {"object": "search_result", "has_more": true, "next_page": "page_2", "url": "/v1/customers/search",
             "data": [{"id": "cus_1", "object": "customer", "created": 1690000000, "livemode": false, "email": "x"}]}
            """);

        Customer customer = Assert.Single(result.Data);
        Assert.Equal("cus_1", customer.Id);
        Assert.Equal("page_2", result.NextPage);
    }

    private static global::Stripe.CustomerListOptions ToStripeNet(CustomerListOptions options) => new()
    {
        Created = options.Created is { } range
            ? new global::Stripe.DateRangeOptions
            {
                GreaterThan = Time(range.Gt),
                GreaterThanOrEqual = Time(range.Gte),
                LessThan = Time(range.Lt),
                LessThanOrEqual = Time(range.Lte),
            }
            : options.CreatedExact is { } exact ? Time(exact) : null,
        Email = options.Email,
        EndingBefore = options.EndingBefore,
        Expand = options.Expand,
        Limit = options.Limit,
        StartingAfter = options.StartingAfter,
        TestClock = options.TestClock,
    };

    private static DateTime? Time(long? seconds) => seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s).UtcDateTime : null;

    /// <summary>Sends through the generated service and returns the query string it put on the wire.</summary>
    private static async Task<string> SendAsync<T>(Func<StripeClient, Task<T>> send, string responseJson)
    {
        var handler = new RecordingHandler(responseJson);
        using var http = new HttpClient(handler);
        using var client = new StripeClient(new StripeClientOptions { ApiKey = "sk_test_query" }, http);
        await send(client);
        Assert.Equal(HttpMethod.Get, handler.Request!.Method);
        return handler.Request.RequestUri!.Query.TrimStart('?');
    }

    private static async Task<T> ReadAsync<T>(Func<StripeClient, Task<T>> send, string responseJson)
    {
        using var http = new HttpClient(new RecordingHandler(responseJson));
        using var client = new StripeClient(new StripeClientOptions { ApiKey = "sk_test_query" }, http);
        return await send(client);
    }
}
