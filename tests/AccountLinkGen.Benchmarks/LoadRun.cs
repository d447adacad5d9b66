using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Benchmarks.Generated;
using AccountLinkGen.Load;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// <c>--load</c>: many logical requests at once against the fault-injecting loopback server, our client beside a bare
/// <see cref="HttpClient"/> at the same concurrency, reporting throughput and per-request latency percentiles.
/// A console run, not a BenchmarkDotNet one: the point is how the client behaves under concurrency and faults, which
/// a per-call benchmark cannot show.
/// </summary>
public static class LoadRun
{
    private const string ApiKey = "sk_test_load";
    private const int Seed = 18;
    private const int Warmup = 1_000;

    // As in the load test: healthy attempts never time out; small backoffs, so the run measures the client rather
    // than the waits; the server's Retry-After of 1 s is capped at 5 ms.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    private enum Client
    {
        Ours,
        BareHttpClient,
    }

    public static async Task<int> RunAsync(string[] args)
    {
        int requests = Option(args, "--requests", 10_000);
        int concurrency = Option(args, "--concurrency", 64);
        int rounds = Option(args, "--rounds", 3);
        int processWarmup = Option(args, "--warmup", 50_000);
        double[] faultRates = OptionText(args, "--faults", "0,0.05")
            .Split(',')
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture))
            .ToArray();

        Console.WriteLine($"{requests:N0} logical requests, {concurrency} at a time, {rounds} rounds, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("Rounds alternate the clients; each row is the median round. Latency is per logical request, retries included.");
        Console.WriteLine($"Before the first round each client sends {processWarmup:N0} unmeasured requests, so both are measured at their steady JIT tier.");
        Console.WriteLine();

        // Once per process, each client alone. The bare client runs the shared framework's precompiled code; ours is
        // JIT-compiled and tiered up (tier 0, instrumented, tier 1) over its first seconds, and a 10,000-request
        // round after only 1,000 warm-up requests caught it mid-way (a profile showed AttemptLoop's state machine
        // still at tier 0 and the JIT at 8 % of the samples).
        foreach (Client client in processWarmup > 0 ? new[] { Client.Ours, Client.BareHttpClient } : Array.Empty<Client>())
        {
            await RunRoundAsync(client, processWarmup, concurrency, faultRate: 0);
        }

        Console.WriteLine("| Client | Faults | Requests/s | p50 | p99 | Max | Succeeded | Failed |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var pairRatios = new List<string>();
        foreach (double faultRate in faultRates)
        {
            var results = new Dictionary<Client, List<Round>>();
            for (int round = 0; round < rounds; round++)
            {
                foreach (Client client in round % 2 == 0 ? new[] { Client.Ours, Client.BareHttpClient } : new[] { Client.BareHttpClient, Client.Ours })
                {
                    Round result = await RunRoundAsync(client, requests, concurrency, faultRate);
                    (results.TryGetValue(client, out var list) ? list : results[client] = new List<Round>()).Add(result);
                }
            }

            foreach (Client client in new[] { Client.Ours, Client.BareHttpClient })
            {
                Round median = results[client].OrderBy(r => r.Throughput).ElementAt(rounds / 2);
                string name = client == Client.Ours ? "AccountLinkGen (generated service, retries)" : "Bare HttpClient (one attempt)";
                Console.WriteLine(
                    $"| {name} | {faultRate:P0} | {median.Throughput:N0} | {Ms(median.P50)} | {Ms(median.P99)} | {Ms(median.Max)} | {median.Succeeded:N0} | {median.Failed:N0} |");
            }

            // Each round's two runs are neighbours in time, so their ratio cancels most of the machine's drift, which
            // the ratio of two independent medians does not.
            double[] ratios = results[Client.Ours].Zip(results[Client.BareHttpClient], (ours, bare) => ours.Throughput / bare.Throughput).OrderBy(r => r).ToArray();
            pairRatios.Add($"{faultRate:P0} faults: median {ratios[rounds / 2]:0.00}x (rounds {ratios[0]:0.00}x to {ratios[^1]:0.00}x)");
        }

        Console.WriteLine();
        Console.WriteLine("Throughput, ours / bare, per round: " + string.Join("; ", pairRatios));
        return 0;
    }

    private static async Task<Round> RunRoundAsync(Client kind, int requests, int concurrency, double faultRate)
    {
        await using LoadFaultServer server = await LoadFaultServer.StartAsync(new LoadFaultPlan(Seed, faultRate), requests + Warmup);
        using var stripeClient = new StripeClient(new StripeClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = server.BaseAddress,
            Timeout = AttemptTimeout,
            InitialRetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(4),
            MaxRetryAfter = TimeSpan.FromMilliseconds(5),
        });
        var service = new AccountLinkService(stripeClient);

        // The floor: the same body and headers, precomputed, with the default handler's pooling and no retries.
        using var bare = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        var uri = new Uri(server.BaseAddress, "v1/account_links");

        async Task<bool> SendAsync(int id)
        {
            try
            {
                if (kind == Client.Ours)
                {
                    await service.CreateAsync(new AccountLinkCreateOptions
                    {
                        Account = LoadFaultServer.AccountPrefix + id.ToString(CultureInfo.InvariantCulture),
                        RefreshUrl = "https://example.com/reauth",
                        ReturnUrl = "https://example.com/return",
                        Type = AccountLinkType.AccountOnboarding,
                    }).ConfigureAwait(false);
                    return true;
                }

                using var timeout = new CancellationTokenSource(AttemptTimeout);
                using var message = new HttpRequestMessage(HttpMethod.Post, uri)
                {
                    Content = new StringContent(LoadFaultServer.FormFor(id), Encoding.ASCII, "application/x-www-form-urlencoded"),
                };

                // The server attributes requests by their idempotency key too.
                message.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("D"));
                using HttpResponseMessage response = await bare.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is StripeException or HttpRequestException or System.IO.IOException or OperationCanceledException)
            {
                return false;
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        await Parallel.ForEachAsync(Enumerable.Range(requests, Warmup), parallel, async (id, _) => await SendAsync(id));

        var latencies = new double[requests];
        int succeeded = 0;
        long start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), parallel, async (id, _) =>
        {
            long begin = Stopwatch.GetTimestamp();
            bool ok = await SendAsync(id);
            latencies[id] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            if (ok)
            {
                Interlocked.Increment(ref succeeded);
            }
        });
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);

        Array.Sort(latencies);
        return new Round(
            requests / elapsed.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies[^1],
            succeeded,
            requests - succeeded);
    }

    // Nearest rank.
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Ms(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static int Option(string[] args, string name, int fallback) =>
        int.Parse(OptionText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string OptionText(string[] args, string name, string fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private readonly record struct Round(double Throughput, double P50, double P99, double Max, int Succeeded, int Failed);
}
