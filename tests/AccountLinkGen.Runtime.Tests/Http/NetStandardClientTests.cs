using System;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

/// <summary>
/// The runtime's netstandard2.0 build (its own client handler, body reading and encoder paths), under code generated
/// for a netstandard2.0 consumer, sending real requests to the Kestrel server. Only the .NET 10 runtime is installed,
/// but netstandard2.0 builds run on it when loaded on their own.
/// </summary>
public sealed class NetStandardClientTests : IClassFixture<StripeTestServer>
{
    private const string ConsumerName = "AccountLinkGen.NetStandardConsumer";

    private readonly StripeTestServer _server;

    public NetStandardClientTests(StripeTestServer server) => _server = server;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_netstandard20_runtime_sends_the_exact_request_and_reads_the_answer(bool synchronous)
    {
        string prefix = _server.NewPath("/netstandard");
        string path = prefix + "/v1/account_links";
        var context = new NetStandardLoadContext();
        try
        {
            Assembly consumer = context.LoadBuild(ConsumerName);
            string answer = await CreateAsync(consumer, prefix, timeoutMilliseconds: 80_000, stripeAccount: "acct_connected", synchronous);

            Assembly runtime = Assert.Single(context.Assemblies, a => a.GetName().Name == "AccountLinkGen.Runtime");
            Assert.Equal(".NETStandard,Version=v2.0", runtime.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
            Assert.NotSame(typeof(StripeClient).Assembly, runtime);

            RecordedRequest request = Assert.Single(_server.RequestsFor(path));
            Assert.Equal("POST", request.Method);
            Assert.Equal(string.Empty, request.Query);
            Assert.Equal(
                "account=acct_1Nv0FGQ9RKHgCVdK&collection_options[fields]=eventually_due&collection_options[future_requirements]=include"
                + "&expand[0]=url&expand[1]=a+b&expand[2]=%E4%B8%AD%F0%9F%98%80*%7E"
                + "&refresh_url=https%3A%2F%2Fexample.com%2Freauth%3Fx%3D1%26y%3D%C3%A9"
                + "&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding",
                request.Body);
            Assert.Equal(Invoke<string>(consumer, "EncodedOptions"), request.Body);
            Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
            Assert.Equal("Bearer " + TestClients.ApiKey, request.Header("Authorization"));
            Assert.Equal(TestClients.SpecApiVersion, request.Header("Stripe-Version"));
            Assert.Equal("acct_connected", request.Header("Stripe-Account"));
            Assert.Equal(
                "AccountLinkGen/" + runtime.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion,
                request.Header("User-Agent"));
            string key = request.Header("Idempotency-Key")!;
            Assert.True(Guid.TryParse(key, out _), key);

            string[] lines = answer.Split('\n');
            Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", lines[0]);
            Assert.StartsWith("req_", lines[1], StringComparison.Ordinal);
            Assert.Equal("1", lines[2]);
            Assert.Equal(key, lines[3]);
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_netstandard20_runtime_times_out_a_stalled_body_and_retries_with_the_same_key(bool synchronous)
    {
        // Its body reading is its own: no cancelable ReadAsByteArrayAsync there, so the stream is copied with the token.
        string prefix = _server.NewPath("/netstandard");
        string path = prefix + "/v1/account_links";
        _server.Script(path, ScriptedResponse.Ok() with { StallAfterBodyBytes = 15 });
        var context = new NetStandardLoadContext();
        try
        {
            Assembly consumer = context.LoadBuild(ConsumerName);

            // Generous enough that the healthy retry never times out on a busy machine; only the stall does.
            string answer = await CreateAsync(consumer, prefix, timeoutMilliseconds: 3_000, stripeAccount: null, synchronous);

            string[] lines = answer.Split('\n');
            Assert.Equal("https://connect.stripe.com/setup/s/acct_1/abc", lines[0]);
            Assert.Equal("2", lines[2]);
            var requests = _server.RequestsFor(path);
            Assert.Equal(2, requests.Count);
            Assert.Equal(lines[3], Assert.Single(requests.Select(r => r.Header("Idempotency-Key")).Distinct()));
            Assert.Single(requests.Select(r => r.Body).Distinct());
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public async Task The_netstandard20_runtime_reports_a_connection_error_by_its_own_exception_type()
    {
        string prefix = _server.NewPath("/netstandard");
        string path = prefix + "/v1/account_links";
        _server.Script(path, Enumerable.Repeat(ScriptedResponse.Ok() with { AbortAfterBodyBytes = 4 }, 3).ToArray());
        var context = new NetStandardLoadContext();
        try
        {
            Assembly consumer = context.LoadBuild(ConsumerName);

            Exception ex = await Assert.ThrowsAnyAsync<Exception>(() => CreateAsync(consumer, prefix, timeoutMilliseconds: 80_000, stripeAccount: null, synchronous: false));

            Assert.Equal("AccountLinkGen.StripeConnectionException", ex.GetType().FullName);
            Assert.Equal("AccountLinkGen.Runtime", ex.GetType().Assembly.GetName().Name);
            Assert.NotSame(typeof(StripeConnectionException), ex.GetType());
            Assert.Equal(3, (int)ex.GetType().GetProperty("Attempts")!.GetValue(ex)!);
            Assert.Equal(3, _server.RequestsFor(path).Count);
        }
        finally
        {
            context.Unload();
        }
    }

    private Task<string> CreateAsync(Assembly consumer, string prefix, int timeoutMilliseconds, string? stripeAccount, bool synchronous) =>
        Invoke<Task<string>>(
            consumer,
            "CreateAsync",
            new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/").AbsoluteUri,
            TestClients.ApiKey,
            timeoutMilliseconds,
            stripeAccount,
            synchronous);

    private static T Invoke<T>(Assembly consumer, string method, params object?[] arguments)
    {
        MethodInfo target = consumer.GetType(ConsumerName + ".AccountLinkCalls", throwOnError: true)!.GetMethod(method)!;
        try
        {
            return (T)target.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
