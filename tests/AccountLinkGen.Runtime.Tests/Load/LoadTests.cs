using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Load;
using AccountLinkGen.Runtime.Tests.Generated;
using Sending = AccountLinkGen.Runtime.Tests.Support.Sending;
using SendingExtensions = AccountLinkGen.Runtime.Tests.Support.SendingExtensions;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Runtime.Tests.Load;

/// <summary>Runs alone, after the parallel tests: it measures the whole process's memory.</summary>
[CollectionDefinition(nameof(LoadTests), DisableParallelization = true)]
public sealed class LoadCollection
{
}

/// <summary>
/// One client, many logical requests at once, against a Kestrel server that fails a seeded share of the attempts
/// with 5xx, 429 with <c>Retry-After</c>, connection resets and stalls past the per-attempt timeout. The short run
/// (1,000 requests, 32 at a time, 20 % of attempts failing, so some requests exhaust their retries) always runs;
/// <c>ACCOUNTLINKGEN_FULL_LOAD=1</c> switches to the full one (10,000 requests, 64 at a time, 5 %). Nothing here
/// is timed: throughput and latency are the benchmarks' <c>--load</c> mode. It runs through both entry points: the
/// synchronous one blocks a thread per request in flight, and must end every request the same way.
/// </summary>
[Collection(nameof(LoadTests))]
public sealed class LoadTests
{
    private const int Seed = 18;
    private const int MaxRetries = 2;

    // Generous on purpose: a healthy attempt must never time out on a busy machine; only stalled ones do.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    // Capped far below the server's Retry-After of 1 s, and longer than any backoff, so each wait it causes shows.
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMilliseconds(5);

    // The whole process's heap may grow this much from the checkpoint to the end: far less than a leak of one
    // response, request or connection per logical request would add, far more than caches and pools settling.
    private const long MemoryGrowthBound = 8 * 1024 * 1024;

    private readonly ITestOutputHelper _output;

    public LoadTests(ITestOutputHelper output) => _output = output;

    private enum Ending
    {
        None,
        Success,
        ApiError,
        ConnectionError,
        Unexpected,
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task Every_logical_request_ends_once_with_what_its_last_attempt_earned(Sending sending)
    {
        bool full = Environment.GetEnvironmentVariable("ACCOUNTLINKGEN_FULL_LOAD") == "1";
        (int requests, int concurrency, double faultRate) = full ? (10_000, 64, 0.05) : (1_000, 32, 0.20);
        int checkpoint = Math.Min(1_000, requests / 4);
        var plan = new LoadFaultPlan(Seed, faultRate);
        await using LoadFaultServer server = await LoadFaultServer.StartAsync(plan, requests);

        int retryAfterWaits = 0;
        var options = new StripeClientOptions
        {
            ApiKey = "sk_test_load",
            BaseAddress = server.BaseAddress,
            MaxRetries = MaxRetries,
            Timeout = AttemptTimeout,
            InitialRetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(4),
            MaxRetryAfter = MaxRetryAfter,
            DelayAsync = (delay, cancellationToken) =>
            {
                if (delay == MaxRetryAfter)
                {
                    Interlocked.Increment(ref retryAfterWaits);
                }

                return Task.Delay(delay, cancellationToken);
            },
        };
        using var client = new StripeClient(options);
        var service = new AccountLinkService(SendingExtensions.Through(client, sending));

        // Allocated up front, so the bookkeeping does not count as growth.
        var results = new Result[requests];
        var completions = new int[requests];
        var unexpected = new Exception?[requests];

        async ValueTask RunOneAsync(int id, CancellationToken cancellationToken)
        {
            var createOptions = new AccountLinkCreateOptions
            {
                Account = LoadFaultServer.AccountPrefix + id.ToString(CultureInfo.InvariantCulture),
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
            };
            Result result;
            try
            {
                StripeResponse<AccountLink> response = await service.CreateWithResponseAsync(createOptions, cancellationToken: CancellationToken.None);
                result = new Result(Ending.Success, response.Attempts, (int)response.StatusCode, false, ParseKey(response.IdempotencyKey));
            }
            catch (StripeApiException ex)
            {
                result = new Result(Ending.ApiError, ex.Attempts, (int)ex.StatusCode, false, ParseKey(ex.IdempotencyKey));
            }
            catch (StripeConnectionException ex) when (!CausedBySocketExhaustion(ex))
            {
                result = new Result(Ending.ConnectionError, ex.Attempts, 0, ex.TimedOut, ParseKey(ex.IdempotencyKey));
            }
            catch (Exception ex)
            {
                unexpected[id] = ex;
                result = new Result(Ending.Unexpected, 0, 0, false, Guid.Empty);
            }

            // What the server had seen when the request ended: a later attempt would be one sent after its end.
            results[id] = result with { ServerAttemptsAtEnd = server.AttemptsOf(id) };
            Interlocked.Increment(ref completions[id]);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        await Parallel.ForEachAsync(Enumerable.Range(0, checkpoint), parallel, RunOneAsync);
        long early = GC.GetTotalMemory(forceFullCollection: true);
        await Parallel.ForEachAsync(Enumerable.Range(checkpoint, requests - checkpoint), parallel, RunOneAsync);
        long late = GC.GetTotalMemory(forceFullCollection: true);

        var failures = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int expectedRetryAfterWaits = 0;
        int connectionFaults = 0;
        for (int id = 0; id < requests; id++)
        {
            var (lastFault, attempts) = Predict(plan, id);
            Result actual = results[id];
            string context = $"request {id} (faults: {string.Join(", ", Enumerable.Range(1, attempts).Select(a => plan.FaultFor(id, a)))})";
            for (int attempt = 1; attempt <= attempts; attempt++)
            {
                LoadFault fault = plan.FaultFor(id, attempt);
                expectedRetryAfterWaits += fault == LoadFault.RateLimited && attempt < attempts ? 1 : 0;
                connectionFaults += fault is LoadFault.Reset or LoadFault.Timeout ? 1 : 0;
                Count(counts, "injected " + fault);
            }

            Count(counts, lastFault == LoadFault.None ? (attempts == 1 ? "succeeded at once" : "succeeded after a retry") : "exhausted retries");
            Check(failures, completions[id] == 1, $"{context}: ended {completions[id]} times");
            Check(failures, unexpected[id] is null, $"{context}: threw {unexpected[id]}");
            Check(failures, server.AttemptsOf(id) == attempts, $"{context}: the server saw {server.AttemptsOf(id)} attempts, expected {attempts}");
            Check(failures, actual.ServerAttemptsAtEnd == server.AttemptsOf(id), $"{context}: an attempt arrived after the request had ended");
            Check(failures, actual.Attempts == attempts, $"{context}: the client reports {actual.Attempts} attempts, expected {attempts}");
            Check(failures, actual.Key == server.KeyOf(id), $"{context}: the client reports key {actual.Key}, the server saw {server.KeyOf(id)}");
            Result expected = lastFault switch
            {
                LoadFault.None => new Result(Ending.Success, attempts, 200, false, actual.Key),
                LoadFault.ServerError => new Result(Ending.ApiError, attempts, plan.ServerErrorStatus(id, attempts), false, actual.Key),
                LoadFault.RateLimited => new Result(Ending.ApiError, attempts, 429, false, actual.Key),
                LoadFault.Reset => new Result(Ending.ConnectionError, attempts, 0, false, actual.Key),
                _ => new Result(Ending.ConnectionError, attempts, 0, true, actual.Key),
            };
            Check(failures, actual with { ServerAttemptsAtEnd = 0 } == expected, $"{context}: ended as {actual}, expected {expected}");
        }

        int distinctKeys = results.Select(r => r.Key).Distinct().Count();
        _output.WriteLine(
            $"{sending}: {requests} logical requests, {concurrency} at a time, {faultRate:P0} of attempts failing; "
            + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")));
        _output.WriteLine(
            $"connections accepted: {server.AcceptedConnections}, at most {server.PeakConnections} open at once; "
            + $"resets and timeouts: {connectionFaults}; heap after {checkpoint} requests: {early:N0} B, at the end: {late:N0} B");

        Assert.True(failures.Count == 0, $"{failures.Count} requests ended wrongly:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(requests, distinctKeys);
        Assert.Equal(0, server.KeyChanged);
        Assert.Equal(0, server.KeyShared);
        Assert.Equal(0, server.Unreadable);
        Assert.Equal(expectedRetryAfterWaits, retryAfterWaits);

        // A connection is opened for each request in flight and again after each reset or timeout (both end the
        // connection); a pool that leaked or churned connections would open one per request instead.
        Assert.True(
            server.AcceptedConnections <= (2 * concurrency) + connectionFaults,
            $"{server.AcceptedConnections} connections for {concurrency} concurrent requests and {connectionFaults} resets and timeouts");
        Assert.True(server.PeakConnections <= 2 * concurrency, $"{server.PeakConnections} connections open at once");
        Assert.True(late - early <= MemoryGrowthBound, $"the heap grew by {late - early:N0} B from request {checkpoint} to request {requests}");

        // The seeded plan covers what the run is for: every fault, recoveries, and requests that ran out of retries.
        foreach (LoadFault fault in Enum.GetValues<LoadFault>())
        {
            Assert.True(counts.ContainsKey("injected " + fault), $"no {fault} injected");
        }

        Assert.True(counts.ContainsKey("succeeded after a retry"), "no request recovered after a fault");
        Assert.True(counts.ContainsKey("exhausted retries"), "no request exhausted its retries");
    }

    // The retry rules restated: every injected fault is retryable, so a request ends at its first healthy attempt
    // or at its last permitted one.
    private static (LoadFault LastFault, int Attempts) Predict(LoadFaultPlan plan, int id)
    {
        for (int attempt = 1; ; attempt++)
        {
            LoadFault fault = plan.FaultFor(id, attempt);
            if (fault == LoadFault.None || attempt == MaxRetries + 1)
            {
                return (fault, attempt);
            }
        }
    }

    private static bool CausedBySocketExhaustion(Exception exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse or SocketError.AddressNotAvailable or SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable })
            {
                return true;
            }
        }

        return false;
    }

    private static Guid ParseKey(string? key) => Guid.TryParse(key, out Guid parsed) ? parsed : Guid.Empty;

    private static void Check(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }

    private static void Count(Dictionary<string, int> counts, string name) =>
        counts[name] = counts.TryGetValue(name, out int count) ? count + 1 : 1;

    private readonly record struct Result(Ending Ending, int Attempts, int Status, bool TimedOut, Guid Key)
    {
        public int ServerAttemptsAtEnd { get; init; }
    }
}
