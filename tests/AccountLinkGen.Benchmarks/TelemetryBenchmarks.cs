using System;
using System.Diagnostics;
using System.Threading.Tasks;
using AccountLinkGen.Benchmarks.Generated;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// What tracing and metrics cost a call: the generated service over Kestrel with nobody listening, and with an
/// OpenTelemetry SDK tracer (every span sampled and processed) and meter (both instruments collected each second)
/// attached to <c>AccountLinkGen</c>. The exporters drop what they get, so the figure is the client's and the SDK's
/// work, not an exporter's I/O. HttpClient's own spans are not subscribed: they cost the same with any client.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class TelemetryBenchmarks
{
    private const string ApiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

    private LoopbackStripeServer _server = null!;
    private StripeClient _client = null!;
    private AccountLinkService _service = null!;
    private AccountLinkCreateOptions _options = null!;
    private TracerProvider? _tracer;
    private MeterProvider? _meter;

    [Params(false, true)]
    public bool OpenTelemetryAttached { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        if (OpenTelemetryAttached)
        {
            _tracer = Sdk.CreateTracerProviderBuilder()
                .AddSource("AccountLinkGen")
                .SetSampler(new AlwaysOnSampler())
                .AddProcessor(new SimpleActivityExportProcessor(new DroppingExporter<Activity>()))
                .Build();
            _meter = Sdk.CreateMeterProviderBuilder()
                .AddMeter("AccountLinkGen")
                .AddReader(new PeriodicExportingMetricReader(new DroppingExporter<Metric>(), exportIntervalMilliseconds: 1000))
                .Build();
        }

        _server = await LoopbackStripeServer.StartAsync();
        _client = new StripeClient(new StripeClientOptions { ApiKey = ApiKey, BaseAddress = _server.BaseAddress });
        _service = new AccountLinkService(_client);
        _options = BenchmarkRequests.Ours();
        using var probe = new ActivityListenerProbe();
        AccountLink link = await _service.CreateAsync(_options);
        if (link.Url != LoopbackStripeServer.FixtureUrl || probe.Spans != (OpenTelemetryAttached ? 1 : 0))
        {
            throw new InvalidOperationException($"Unexpected setup: link {link.Url}, {probe.Spans} span(s) with OpenTelemetry {(OpenTelemetryAttached ? "attached" : "absent")}.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Description = "Generated AccountLinkService")]
    public Task<AccountLink> Ours() => _service.CreateAsync(_options);

    private sealed class DroppingExporter<T> : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch) => ExportResult.Success;
    }

    /// <summary>Counts the spans that reach the SDK's processor in setup, to prove the tracer sees the calls.</summary>
    private sealed class ActivityListenerProbe : IDisposable
    {
        private readonly ActivityListener _listener;

        public ActivityListenerProbe()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "AccountLinkGen",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
                ActivityStopped = activity => Spans++,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Spans { get; private set; }

        public void Dispose() => _listener.Dispose();
    }
}
