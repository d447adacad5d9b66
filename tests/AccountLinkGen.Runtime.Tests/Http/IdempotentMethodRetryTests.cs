using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

/// <summary>
/// GET and DELETE are idempotent by HTTP's definition, so they are retried like a POST, but Stripe takes
/// idempotency keys on POST only: no attempt of theirs may carry one, and every attempt sends the same query.
/// </summary>
public sealed class IdempotentMethodRetryTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public IdempotentMethodRetryTests(StripeTestServer server) => _server = server;

    public enum Fault
    {
        Unavailable503,
        ResetBeforeAnyResponse,
        ResetAfterTheHeaders,
        ResetMidBody,
    }

    public static TheoryData<string, Fault> Cases()
    {
        var cases = new TheoryData<string, Fault>();
        foreach (string method in new[] { "GET", "DELETE" })
        {
            foreach (Fault fault in Enum.GetValues<Fault>())
            {
                cases.Add(method, fault);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_retried_after_the_fault_without_an_idempotency_key_on_any_attempt(string method, Fault fault)
    {
        string path = _server.NewPath("/v1/customers");
        _server.Script(path, ToResponse(fault), ToResponse(fault));
        var delays = new DelayRecorder();
        using var client = TestClients.Create(_server, delays);

        StripeResponse<AccountLink> response = await client.SendWithResponseAsync(
            new HttpMethod(method), path, new AccountLinkForm { Expand = new[] { "data.x" } }, AccountLink.Reader, null, null, default);

        Assert.Equal(3, response.Attempts);
        Assert.Null(response.IdempotencyKey);
        Assert.Equal(2, delays.Delays.Length);
        var requests = _server.RequestsFor(path);
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(method, r.Method);
            Assert.Null(r.Header("Idempotency-Key"));
            Assert.Equal(string.Empty, r.Body);
            Assert.Null(r.Header("Content-Type"));
        });
        Assert.Contains("expand[0]=data.x", Assert.Single(requests.Select(r => r.Query).Distinct()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Gives_up_after_max_retries_and_reports_no_idempotency_key(string method)
    {
        string path = _server.NewPath("/v1/customers");
        _server.Script(path, Enumerable.Repeat(ToResponse(Fault.ResetMidBody), 3).ToArray());
        using var client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeConnectionException>(
            () => client.SendAsync(new HttpMethod(method), path, null, AccountLink.Reader, null, null, default));

        Assert.Equal(3, ex.Attempts);
        Assert.Null(ex.IdempotencyKey);
        Assert.All(_server.RequestsFor(path), r => Assert.Null(r.Header("Idempotency-Key")));
        Assert.Equal(3, _server.RequestsFor(path).Count);
    }

    private static ScriptedResponse ToResponse(Fault fault) => fault switch
    {
        Fault.Unavailable503 => ScriptedResponse.Error(503),
        Fault.ResetBeforeAnyResponse => ScriptedResponse.Ok() with { AbortBeforeResponse = true },
        Fault.ResetAfterTheHeaders => ScriptedResponse.Ok() with { AbortAfterBodyBytes = 0 },
        Fault.ResetMidBody => ScriptedResponse.Ok() with { AbortAfterBodyBytes = 9 },
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };
}
