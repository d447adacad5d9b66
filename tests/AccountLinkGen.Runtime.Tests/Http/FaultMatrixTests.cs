using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Runtime.Tests.Http;

/// <summary>
/// Hundreds of logical requests, each with a random script of faults, run concurrently against the real server.
/// Every request must make exactly the attempts the retry rules predict, carry one idempotency key across them,
/// and end in exactly the predicted success or failure, through either entry point: the synchronous one runs the
/// same loop.
/// </summary>
public sealed class FaultMatrixTests : IClassFixture<StripeTestServer>
{
    private const int MaxRetries = 3;
    private const int LogicalRequests = 600;
    private const int TimeoutFaultBudget = 16;

    private readonly StripeTestServer _server;
    private readonly ITestOutputHelper _output;

    public FaultMatrixTests(StripeTestServer server, ITestOutputHelper output)
    {
        _server = server;
        _output = output;
    }

    private enum FaultKind
    {
        Conflict409,
        RateLimited429,
        RateLimitedRetryAfter429,
        Server500,
        BadGatewayHtml502,
        Unavailable503RetryAfterDate,
        ShouldRetryTrue400,
        ShouldRetryFalse500,
        BadRequest400,
        NotFound404,
        ResetMidBody,
        ResetAfterHeaders,
        Timeout,
        MalformedSuccess,
    }

    private enum Outcome
    {
        Success,
        ApiError,
        ConnectionError,
        ResponseError,
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task Injected_faults_end_exactly_as_scripted(Sending sending)
    {
        var random = new Random(20240620);
        int timeoutsLeft = TimeoutFaultBudget;
        var cases = new List<(string Path, FaultKind[] Script)>();
        for (int i = 0; i < LogicalRequests; i++)
        {
            // Mostly retryable faults, so many requests need several attempts; a few final ones end early.
            int length = random.Next(0, MaxRetries + 2);
            var script = new FaultKind[length];
            for (int f = 0; f < length; f++)
            {
                FaultKind kind = PickFault(random);
                if (kind == FaultKind.Timeout && timeoutsLeft-- <= 0)
                {
                    kind = FaultKind.Server500;
                }

                script[f] = kind;
            }

            string path = _server.NewPath("/v1/matrix");
            _server.Script(path, script.Select(ToResponse).ToArray());
            cases.Add((path, script));
        }

        int servedBefore = _server.ScriptedResponsesServed;
        var options = TestClients.Options(_server);
        options.MaxRetries = MaxRetries;
        // Long enough that a healthy attempt never times out on a busy machine; only scripted stalls do.
        options.Timeout = TimeSpan.FromSeconds(3);
        options.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(1);
        options.MaxRetryAfter = TimeSpan.FromMilliseconds(1);
        options.DelayAsync = null;
        using var client = new StripeClient(options);

        var results = new (Outcome Outcome, int Attempts, string? Key, HttpStatusCode? Status)[cases.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, cases.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 12 },
            async (i, _) => results[i] = await RunAsync(client, cases[i].Path, sending));

        int injected = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < cases.Count; i++)
        {
            var (path, script) = cases[i];
            var (expectedOutcome, expectedAttempts, expectedStatus) = Predict(script);
            var actual = results[i];
            var requests = _server.RequestsFor(path);
            string context = $"case {i}: [{string.Join(", ", script)}]";

            Assert.True(expectedOutcome == actual.Outcome, $"{context}: expected {expectedOutcome}, got {actual.Outcome}");
            Assert.True(expectedAttempts == requests.Count, $"{context}: expected {expectedAttempts} attempts, server saw {requests.Count}");
            if (actual.Outcome != Outcome.Success && actual.Outcome != Outcome.ResponseError)
            {
                Assert.True(expectedAttempts == actual.Attempts, $"{context}: exception reports {actual.Attempts} attempts");
            }

            Assert.True(expectedStatus == actual.Status, $"{context}: expected status {expectedStatus}, got {actual.Status}");
            string key = Assert.Single(requests.Select(r => r.Header("Idempotency-Key")).Distinct())!;
            Assert.True(Guid.TryParse(key, out _), context);
            Assert.True(keys.Add(key), $"{context}: idempotency key reused across logical requests");
            if (actual.Key is not null)
            {
                Assert.Equal(key, actual.Key);
            }

            Assert.Single(requests.Select(r => r.Body).Distinct());
            injected += Math.Min(script.Length, expectedAttempts);
        }

        _output.WriteLine(
            $"{cases.Count} logical requests, {injected} faults injected; outcomes: "
            + string.Join(", ", results.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(injected >= 1000, $"only {injected} faults were injected");
        Assert.Equal(injected, _server.ScriptedResponsesServed - servedBefore);
    }

    private static async Task<(Outcome, int, string?, HttpStatusCode?)> RunAsync(StripeClient client, string path, Sending sending)
    {
        try
        {
            await client.CreateLinkAsync(path, cancellationToken: CancellationToken.None, sending: sending);
            return (Outcome.Success, 0, null, null);
        }
        catch (StripeApiException ex)
        {
            return (Outcome.ApiError, ex.Attempts, ex.IdempotencyKey, ex.StatusCode);
        }
        catch (StripeConnectionException ex)
        {
            return (Outcome.ConnectionError, ex.Attempts, ex.IdempotencyKey, null);
        }
        catch (StripeResponseException ex)
        {
            return (Outcome.ResponseError, 0, ex.IdempotencyKey, ex.StatusCode);
        }
    }

    /// <summary>The retry rules, restated independently of the client: what should happen to a script.</summary>
    private static (Outcome Outcome, int Attempts, HttpStatusCode? Status) Predict(FaultKind[] script)
    {
        for (int attempt = 1; ; attempt++)
        {
            if (attempt > script.Length)
            {
                return (Outcome.Success, attempt, null);
            }

            FaultKind fault = script[attempt - 1];
            bool retryable = fault is not (FaultKind.ShouldRetryFalse500 or FaultKind.BadRequest400 or FaultKind.NotFound404 or FaultKind.MalformedSuccess);
            if (!retryable || attempt == MaxRetries + 1)
            {
                return fault switch
                {
                    FaultKind.MalformedSuccess => (Outcome.ResponseError, attempt, HttpStatusCode.OK),
                    FaultKind.ResetMidBody or FaultKind.ResetAfterHeaders or FaultKind.Timeout => (Outcome.ConnectionError, attempt, null),
                    _ => (Outcome.ApiError, attempt, StatusOf(fault)),
                };
            }
        }
    }

    private static HttpStatusCode StatusOf(FaultKind fault) => fault switch
    {
        FaultKind.Conflict409 => HttpStatusCode.Conflict,
        FaultKind.RateLimited429 or FaultKind.RateLimitedRetryAfter429 => HttpStatusCode.TooManyRequests,
        FaultKind.Server500 or FaultKind.ShouldRetryFalse500 => HttpStatusCode.InternalServerError,
        FaultKind.BadGatewayHtml502 => HttpStatusCode.BadGateway,
        FaultKind.Unavailable503RetryAfterDate => HttpStatusCode.ServiceUnavailable,
        FaultKind.ShouldRetryTrue400 or FaultKind.BadRequest400 => HttpStatusCode.BadRequest,
        FaultKind.NotFound404 => HttpStatusCode.NotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static FaultKind PickFault(Random random)
    {
        int roll = random.Next(100);
        return roll switch
        {
            < 10 => FaultKind.Conflict409,
            < 18 => FaultKind.RateLimited429,
            < 26 => FaultKind.RateLimitedRetryAfter429,
            < 38 => FaultKind.Server500,
            < 46 => FaultKind.BadGatewayHtml502,
            < 54 => FaultKind.Unavailable503RetryAfterDate,
            < 62 => FaultKind.ShouldRetryTrue400,
            < 74 => FaultKind.ResetMidBody,
            < 86 => FaultKind.ResetAfterHeaders,
            < 89 => FaultKind.ShouldRetryFalse500,
            < 91 => FaultKind.BadRequest400,
            < 93 => FaultKind.NotFound404,
            < 95 => FaultKind.MalformedSuccess,
            _ => FaultKind.Timeout,
        };
    }

    private static ScriptedResponse ToResponse(FaultKind fault) => fault switch
    {
        FaultKind.Conflict409 => ScriptedResponse.Error(409, ScriptedResponse.ErrorBody("idempotency_error", "Conflict.")),
        FaultKind.RateLimited429 => ScriptedResponse.Error(429, ScriptedResponse.ErrorBody("invalid_request_error", "Too many requests.")),
        FaultKind.RateLimitedRetryAfter429 => ScriptedResponse.Error(429, null, ("Retry-After", "30")),
        FaultKind.Server500 => ScriptedResponse.Error(500),
        FaultKind.BadGatewayHtml502 => ScriptedResponse.Error(502, "<html><h1>502 Bad Gateway</h1></html>", ("Content-Type", "text/html")),
        FaultKind.Unavailable503RetryAfterDate => ScriptedResponse.Error(
            503, null, ("Retry-After", DateTimeOffset.UtcNow.AddMinutes(5).ToString("r", CultureInfo.InvariantCulture))),
        FaultKind.ShouldRetryTrue400 => ScriptedResponse.Error(400, null, ("Stripe-Should-Retry", "true")),
        FaultKind.ShouldRetryFalse500 => ScriptedResponse.Error(500, null, ("Stripe-Should-Retry", "false")),
        FaultKind.BadRequest400 => ScriptedResponse.Error(400, ScriptedResponse.ErrorBody("invalid_request_error", "Bad.")),
        FaultKind.NotFound404 => ScriptedResponse.Error(404, ScriptedResponse.ErrorBody("invalid_request_error", "Missing.")),
        FaultKind.ResetMidBody => ScriptedResponse.Ok() with { AbortAfterBodyBytes = 17 },
        FaultKind.ResetAfterHeaders => ScriptedResponse.Ok() with { AbortAfterBodyBytes = 0 },
        FaultKind.Timeout => ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(60) },
        FaultKind.MalformedSuccess => ScriptedResponse.Ok() with { Body = """{"object": "account_link", "url": """ },
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };
}
