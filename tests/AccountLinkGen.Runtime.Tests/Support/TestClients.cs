using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;

namespace AccountLinkGen.Runtime.Tests.Support;

/// <summary>Client settings for tests: the loopback server, millisecond backoff and recorded delays.</summary>
public static class TestClients
{
    public const string ApiKey = "sk_test_51LeakCanaryDoNotPrint9zQ";
    public const string SpecApiVersion = "2024-06-20";

    public static StripeClientOptions Options(StripeTestServer server, DelayRecorder? delays = null) => new()
    {
        ApiKey = ApiKey,
        BaseAddress = server.BaseAddress,
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(2),
        MaxRetryAfter = TimeSpan.FromSeconds(60),
        DelayAsync = (delays ?? new DelayRecorder()).DelayAsync,
    };

    public static StripeClient Create(StripeTestServer server, DelayRecorder? delays = null, Action<StripeClientOptions>? configure = null)
    {
        StripeClientOptions options = Options(server, delays);
        configure?.Invoke(options);
        return new StripeClient(options);
    }

    public static Task<AccountLink> CreateLinkAsync(
        this StripeClient client,
        string path,
        RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default,
        IFormEncodable? form = null,
        Sending sending = Sending.Async) =>
        client.SendAsync(HttpMethod.Post, path, form ?? new AccountLinkForm(), AccountLink.Reader, SpecApiVersion, requestOptions, cancellationToken, sending);
}
