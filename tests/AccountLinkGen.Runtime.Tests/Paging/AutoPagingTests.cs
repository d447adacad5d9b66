using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Paging;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.PagingTests;

/// <summary>
/// The auto-paging methods generated from <c>Specs/paging.yaml</c>, against the recording Kestrel server, which
/// serves the pages: each page's query string, the walk's direction and end, the caller's options left as they
/// were, and cancellation and early exit between pages, through each auto-paging method and its synchronous twin.
/// Each test gets its own base-address prefix.
/// </summary>
public sealed class AutoPagingTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public AutoPagingTests(StripeTestServer server) => _server = server;

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task ListAutoPaging_FollowsStartingAfter_UntilHasMoreIsFalse(Sending sending)
    {
        var (client, path) = CreateClient("/v1/customers");
        using (client)
        {
            _server.Script(path, Page(true, "cus_1", "cus_2"), Page(true, "cus_3", "cus_4"), Page(false, "cus_5"));
            var options = new CustomerListOptions { Email = "jo@example.com", Limit = 2 };

            List<string> ids = await Ids(ListAll(new CustomerService(client), options, sending));

            Assert.Equal(new[] { "cus_1", "cus_2", "cus_3", "cus_4", "cus_5" }, ids);
            string[] queries = _server.RequestsFor(path).Select(r => r.Query).ToArray();
            Assert.Equal(
                new[]
                {
                    "?email=jo%40example.com&limit=2",
                    "?email=jo%40example.com&limit=2&starting_after=cus_2",
                    "?email=jo%40example.com&limit=2&starting_after=cus_4",
                },
                queries);

            // The bytes a caller who set the cursor by hand would send.
            Assert.Equal("?" + new CustomerListOptions { Email = "jo@example.com", Limit = 2, StartingAfter = "cus_4" }.ToFormUrlEncoded(), queries[2]);
            Assert.Null(options.StartingAfter);
            Assert.Null(options.EndingBefore);
            Assert.Equal(2, options.Limit);
            Assert.Equal("jo@example.com", options.Email);
        }
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task ListAutoPaging_WithEndingBefore_WalksBackwards_NewestLast(Sending sending)
    {
        var (client, path) = CreateClient("/v1/customers");
        using (client)
        {
            _server.Script(path, Page(true, "cus_7", "cus_8"), Page(true, "cus_5", "cus_6"), Page(false, "cus_4"));
            var options = new CustomerListOptions { EndingBefore = "cus_9", Limit = 2 };

            List<string> ids = await Ids(ListAll(new CustomerService(client), options, sending));

            Assert.Equal(new[] { "cus_8", "cus_7", "cus_6", "cus_5", "cus_4" }, ids);
            Assert.Equal(
                new[] { "?ending_before=cus_9&limit=2", "?ending_before=cus_7&limit=2", "?ending_before=cus_5&limit=2" },
                _server.RequestsFor(path).Select(r => r.Query));
            Assert.Equal("cus_9", options.EndingBefore);
            Assert.Null(options.StartingAfter);
        }
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task ListAutoPaging_WithBothCursors_GoesForward_KeepingEndingBefore(Sending sending)
    {
        var (client, path) = CreateClient("/v1/customers");
        using (client)
        {
            _server.Script(path, Page(true, "cus_3", "cus_4"), Page(false, "cus_5"));
            var options = new CustomerListOptions { StartingAfter = "cus_2", EndingBefore = "cus_9" };

            List<string> ids = await Ids(ListAll(new CustomerService(client), options, sending));

            Assert.Equal(new[] { "cus_3", "cus_4", "cus_5" }, ids);
            Assert.Equal(
                new[] { "?ending_before=cus_9&starting_after=cus_2", "?ending_before=cus_9&starting_after=cus_4" },
                _server.RequestsFor(path).Select(r => r.Query));
            Assert.Equal("cus_2", options.StartingAfter);
        }
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task ListAutoPaging_WithoutOptions_PagesWithACursorOfItsOwn(Sending sending)
    {
        var (client, path) = CreateClient("/v1/customers");
        using (client)
        {
            _server.Script(path, Page(true, "cus_1"), Page(false, "cus_2"));

            List<string> ids = await Ids(ListAll(new CustomerService(client), null, sending));

            Assert.Equal(new[] { "cus_1", "cus_2" }, ids);
            Assert.Equal(new[] { string.Empty, "?starting_after=cus_1" }, _server.RequestsFor(path).Select(r => r.Query));
        }
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task AutoPaging_StopsWhenTheServerRepeatsItsCursor_InsteadOfLoopingForever(Sending sending)
    {
        var (client, path) = CreateClient("/v1/customers");
        var (searchClient, searchPath) = CreateClient("/v1/customers/search");
        using (client)
        using (searchClient)
        {
            // A server that says has_more but answers the same page again: the cursor would never move.
            _server.Script(path, Page(true, "cus_1"), Page(true, "cus_1"));
            _server.Script(searchPath, SearchPage("pg_2", "cus_1"), SearchPage("pg_2", "cus_2"));

            List<string> ids = await Ids(ListAll(new CustomerService(client), null, sending));
            var found = new List<string>();
            await foreach (Customer customer in SearchAll(new CustomerService(searchClient), new CustomerSearchOptions { Query = "name:'x'" }, sending))
            {
                found.Add(customer.Id);
            }

            Assert.Equal(new[] { "cus_1", "cus_1" }, ids);
            Assert.Equal(2, _server.RequestsFor(path).Count());
            Assert.Equal(new[] { "cus_1", "cus_2" }, found);
            Assert.Equal(2, _server.RequestsFor(searchPath).Count());
        }
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task ListAutoPaging_SendsNothingUntilEnumerated_AndStopsWhenTheCallerBreaks(Sending sending)
    {
        var (client, path) = CreateClient("/v1/customers");
        using (client)
        {
            _server.Script(path, Page(true, "cus_1", "cus_2"), Page(true, "cus_3", "cus_4"), Page(false, "cus_5"));
            IAsyncEnumerable<Customer> customers = ListAll(new CustomerService(client), new CustomerListOptions { Limit = 2 }, sending);
            Assert.Empty(_server.RequestsFor(path));

            var seen = new List<string>();
            await foreach (Customer customer in customers)
            {
                seen.Add(customer.Id);
                if (seen.Count == 2)
                {
                    break;
                }
            }

            Assert.Equal(new[] { "cus_1", "cus_2" }, seen);
            Assert.Single(_server.RequestsFor(path));
        }
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task ListAutoPaging_CanceledBetweenPages_ThrowsOperationCanceled_AndRequestsNoMore(Sending sending)
    {
        var (client, path) = CreateClient("/v1/customers");
        using (client)
        {
            _server.Script(path, Page(true, "cus_1", "cus_2"), Page(false, "cus_3"));
            using var cancellation = new CancellationTokenSource();
            var seen = new List<string>();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (Customer customer in ListAll(new CustomerService(client), null, sending, cancellation.Token))
                {
                    seen.Add(customer.Id);
                    if (customer.Id == "cus_2")
                    {
                        cancellation.Cancel();
                    }
                }
            });

            Assert.Equal(new[] { "cus_1", "cus_2" }, seen);
            Assert.Single(_server.RequestsFor(path));
        }
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task ListAutoPaging_RetriesAPage_OnItsOwn(Sending sending)
    {
        var (client, path) = CreateClient("/v1/customers");
        using (client)
        {
            var unavailable = new ScriptedResponse { Status = 503, Body = """{"error":{"type":"api_error","message":"Try again."}}""" };
            _server.Script(path, Page(true, "cus_1"), unavailable, Page(false, "cus_2"));

            List<string> ids = await Ids(ListAll(new CustomerService(client), null, sending));

            Assert.Equal(new[] { "cus_1", "cus_2" }, ids);
            Assert.Equal(new[] { string.Empty, "?starting_after=cus_1", "?starting_after=cus_1" }, _server.RequestsFor(path).Select(r => r.Query));
        }
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task SearchAutoPaging_FollowsNextPage_SentAsPage(Sending sending)
    {
        var (client, path) = CreateClient("/v1/customers/search");
        using (client)
        {
            _server.Script(path, SearchPage("pg_2", "cus_1"), SearchPage("pg_3", "cus_2"), SearchPage(null, "cus_3"));
            var options = new CustomerSearchOptions { Query = "email:'jo@example.com'", Limit = 1 };

            var ids = new List<string>();
            await foreach (Customer customer in SearchAll(new CustomerService(client), options, sending))
            {
                ids.Add(customer.Id);
            }

            Assert.Equal(new[] { "cus_1", "cus_2", "cus_3" }, ids);
            const string Query = "query=email%3A%27jo%40example.com%27";
            Assert.Equal(
                new[] { "?limit=1&" + Query, "?limit=1&page=pg_2&" + Query, "?limit=1&page=pg_3&" + Query },
                _server.RequestsFor(path).Select(r => r.Query));
            Assert.Null(options.Page);
        }
    }

    [Fact]
    public async Task ListAsync_ReadsOnePage_WithExpandedListsInside()
    {
        var (client, path) = CreateClient("/v1/customers");
        using (client)
        {
            _server.Script(path, new ScriptedResponse
            {
                Body = """
                    {"object":"list","url":"/v1/customers","has_more":true,"data":[
                      {"id":"cus_1","object":"customer","email":null,"subscriptions":{"object":"list","url":"/v1/customers/cus_1/subscriptions","has_more":false,
                        "data":[{"id":"sub_1","object":"subscription","status":"active"}]}}]}
                    """,
            });

            StripeList<Customer> page = await new CustomerService(client).ListAsync();

            Assert.True(page.HasMore);
            Assert.Equal("/v1/customers", page.Url);
            Customer customer = Assert.Single(page);
            Assert.Equal("cus_1", customer.Id);
            Subscription subscription = Assert.Single(customer.Subscriptions!.Data);
            Assert.Equal(("sub_1", "active"), (subscription.Id, subscription.Status));
            Assert.False(customer.Subscriptions.HasMore);
            Assert.Equal("/v1/customers/cus_1/subscriptions", customer.Subscriptions.Url);
        }
    }

    [Fact]
    public async Task SearchAsync_ReadsNextPageAndTotalCount()
    {
        var (client, path) = CreateClient("/v1/customers/search");
        using (client)
        {
            _server.Script(path, new ScriptedResponse
            {
                Body = """{"object":"search_result","url":"/v1/customers/search","has_more":true,"next_page":"pg_2","total_count":42,"data":[{"id":"cus_1","object":"customer"}]}""",
            });

            StripeSearchResult<Customer> page = await new CustomerService(client).SearchAsync(new CustomerSearchOptions { Query = "x" });

            Assert.Equal(("pg_2", 42L, true), (page.NextPage, page.TotalCount, page.HasMore));
            Assert.Equal("cus_1", Assert.Single(page.Data).Id);
        }
    }

    [Fact]
    public async Task ListAsync_APageWithoutHasMore_IsAResponseError()
    {
        var (client, path) = CreateClient("/v1/customers");
        using (client)
        {
            _server.Script(path, new ScriptedResponse { Body = """{"object":"list","url":"/v1/customers","data":[]}""" });

            var error = await Assert.ThrowsAsync<StripeResponseException>(() => new CustomerService(client).ListAsync());

            Assert.Contains("has_more", error.InnerException!.Message, StringComparison.Ordinal);
        }
    }

    private static ScriptedResponse Page(bool hasMore, params string[] ids) => new()
    {
        Body = $$"""{"object":"list","url":"/v1/customers","has_more":{{(hasMore ? "true" : "false")}},"data":[{{string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","object":"customer"}"""))}}]}""",
    };

    private static ScriptedResponse SearchPage(string? nextPage, params string[] ids) => new()
    {
        Body = $$"""{"object":"search_result","url":"/v1/customers/search","has_more":{{(nextPage is null ? "false" : "true")}},"next_page":{{(nextPage is null ? "null" : "\"" + nextPage + "\"")}},"data":[{{string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","object":"customer"}"""))}}]}""",
    };

    // The walk through ListAutoPagingAsync, or through its synchronous twin ListAutoPaging read by blocking.
    private static IAsyncEnumerable<Customer> ListAll(CustomerService service, CustomerListOptions? options, Sending sending, CancellationToken cancellationToken = default) =>
        sending == Sending.Async
            ? service.ListAutoPagingAsync(options, cancellationToken: cancellationToken)
            : Blocking(service.ListAutoPaging(options, cancellationToken: cancellationToken));

    private static IAsyncEnumerable<Customer> SearchAll(CustomerService service, CustomerSearchOptions options, Sending sending) =>
        sending == Sending.Async ? service.SearchAutoPagingAsync(options) : Blocking(service.SearchAutoPaging(options));

    // Each MoveNext of a synchronous walk blocks on its page's request: on a thread-pool thread of its own, so that
    // the test's server in this process keeps serving. Breaking out of the loop disposes the walk.
    private static async IAsyncEnumerable<T> Blocking<T>(IEnumerable<T> items)
    {
        using IEnumerator<T> walk = items.GetEnumerator();
        while (await Task.Run(walk.MoveNext))
        {
            yield return walk.Current;
        }
    }

    private static async Task<List<string>> Ids(IAsyncEnumerable<Customer> customers)
    {
        var ids = new List<string>();
        await foreach (Customer customer in customers)
        {
            ids.Add(customer.Id);
        }

        return ids;
    }

    private (StripeClient Client, string Path) CreateClient(string operationPath)
    {
        string prefix = _server.NewPath("/paging");
        StripeClient client = TestClients.Create(_server, configure: o => o.BaseAddress = new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/"));
        return (client, prefix + operationPath);
    }
}
