using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using AccountLinkGen.Benchmarks.Generated;
using BenchmarkDotNet.Attributes;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// One create-account-link call, end to end, asynchronously and synchronously (each category with Stripe.net as its
/// baseline): the generated service over our <see cref="StripeClient"/>, Stripe.net's <c>AccountLinkService</c>, the
/// System.ClientModel spike, and a bare <see cref="HttpClient"/> posting a precomputed body (the floor).
/// <see cref="Transport.Kestrel"/> is a real loopback round trip; <see cref="Transport.InMemory"/> answers inside the
/// handler pipeline, so its allocation column is the clients' own (the in-process server's bytes are counted too in
/// the Kestrel rows, since the memory diagnoser sees the whole process).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RuntimeBenchmarks
{
    private const string Async = "async";
    private const string Sync = "sync";

    private const string ApiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

    private LoopbackStripeServer? _server;
    private HttpClient? _ourHttpClient;
    private StripeClient _ourClient = null!;
    private AccountLinkService _ours = null!;
    private AccountLinkCreateOptions _ourOptions = null!;
    private HttpClient? _stripeNetHttpClient;
    private global::Stripe.AccountLinkService _stripeNet = null!;
    private global::Stripe.AccountLinkCreateOptions _stripeNetOptions = null!;
    private HttpClient? _spikeHttpClient;
    private ClientModelSpike.ClientModelAccountLinks _spike = null!;
    private HttpClient _floor = null!;
    private Uri _floorUri = null!;
    private byte[] _floorBody = null!;

    [Params(Transport.Kestrel, Transport.InMemory)]
    public Transport Transport { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        Uri baseAddress;
        if (Transport == Transport.Kestrel)
        {
            _server = await LoopbackStripeServer.StartAsync();
            baseAddress = _server.BaseAddress;
        }
        else
        {
            baseAddress = new Uri("http://127.0.0.1:1/");
        }

        _ourOptions = BenchmarkRequests.Ours();
        _stripeNetOptions = BenchmarkRequests.StripeNet(_ourOptions);

        // Each client as its users get it: its own default handler over Kestrel, the in-memory answer otherwise.
        _ourHttpClient = Transport == Transport.InMemory ? new HttpClient(new InMemoryStripeHandler()) : null;
        var ourOptions = new StripeClientOptions { ApiKey = ApiKey, BaseAddress = baseAddress };
        _ourClient = _ourHttpClient is null ? new StripeClient(ourOptions) : new StripeClient(ourOptions, _ourHttpClient);
        _ours = new AccountLinkService(_ourClient);

        _stripeNetHttpClient = Transport == Transport.InMemory ? new HttpClient(new InMemoryStripeHandler()) : null;
        var stripeNetClient = new global::Stripe.StripeClient(
            ApiKey,
            httpClient: new global::Stripe.SystemNetHttpClient(_stripeNetHttpClient),
            apiBase: baseAddress.AbsoluteUri.TrimEnd('/'));
        _stripeNet = new global::Stripe.AccountLinkService(stripeNetClient);

        // The System.ClientModel spike, with its own transport's client as a user of it would have.
        _spikeHttpClient = Transport == Transport.InMemory ? new HttpClient(new InMemoryStripeHandler()) : null;
        _spike = new ClientModelSpike.ClientModelAccountLinks(baseAddress, ApiKey, AccountLinkService.ApiVersion, _spikeHttpClient);

        _floor = Transport == Transport.InMemory
            ? new HttpClient(new InMemoryStripeHandler())
            : new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        _floor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        _floorUri = new Uri(baseAddress, "v1/account_links");
        _floorBody = System.Text.Encoding.UTF8.GetBytes(_ourOptions.ToFormUrlEncoded());

        // Every path must really round-trip the fixture, or the comparison means nothing.
        string expected = LoopbackStripeServer.FixtureUrl;
        string ours = (await Ours()).Url;
        string theirs = (await StripeNet()).Url;
        string spike = (await Spike()).Url;
        byte[] floor = await Floor();
        if (ours != expected || theirs != expected || spike != expected || floor.Length != LoopbackStripeServer.Fixture.Length)
        {
            throw new InvalidOperationException($"Unexpected answers: ours {ours}, Stripe.net {theirs}, spike {spike}, floor {floor.Length} bytes.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _ourClient.Dispose();
        _ourHttpClient?.Dispose();
        _stripeNetHttpClient?.Dispose();
        _spikeHttpClient?.Dispose();
        _floor.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "Stripe.net AccountLinkService")]
    [BenchmarkCategory(Async)]
    public Task<global::Stripe.AccountLink> StripeNet() => _stripeNet.CreateAsync(_stripeNetOptions);

    [Benchmark(Description = "Generated AccountLinkService")]
    [BenchmarkCategory(Async)]
    public Task<AccountLink> Ours() => _ours.CreateAsync(_ourOptions);

    [Benchmark(Description = "Spike: System.ClientModel pipeline")]
    [BenchmarkCategory(Async)]
    public Task<AccountLink> Spike() => _spike.CreateAsync(_ourOptions);

    [Benchmark(Description = "Floor: HttpClient, precomputed body")]
    [BenchmarkCategory(Async)]
    public async Task<byte[]> Floor()
    {
        using var content = new ByteArrayContent(_floorBody);
        content.Headers.ContentType = InMemoryStripeHandler.FormContentType;
        using HttpResponseMessage response = await _floor.PostAsync(_floorUri, content).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }

    [Benchmark(Baseline = true, Description = "Stripe.net AccountLinkService.Create")]
    [BenchmarkCategory(Sync)]
    public global::Stripe.AccountLink StripeNetSync() => _stripeNet.Create(_stripeNetOptions);

    [Benchmark(Description = "Generated AccountLinkService.Create")]
    [BenchmarkCategory(Sync)]
    public AccountLink OursSync() => _ours.Create(_ourOptions);

    [Benchmark(Description = "Spike: System.ClientModel pipeline, Send")]
    [BenchmarkCategory(Sync)]
    public AccountLink SpikeSync() => _spike.Create(_ourOptions);

    [Benchmark(Description = "Floor: HttpClient.Send, precomputed body")]
    [BenchmarkCategory(Sync)]
    public byte[] FloorSync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _floorUri) { Content = new ByteArrayContent(_floorBody) };
        request.Content.Headers.ContentType = InMemoryStripeHandler.FormContentType;
        using HttpResponseMessage response = _floor.Send(request);
        using var body = new System.IO.MemoryStream();
        response.Content.ReadAsStream().CopyTo(body);
        return body.ToArray();
    }
}
