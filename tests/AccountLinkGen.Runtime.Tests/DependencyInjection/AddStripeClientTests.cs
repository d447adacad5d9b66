using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.DependencyInjection;

public sealed class AddStripeClientTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public AddStripeClientTests(StripeTestServer server) => _server = server;

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task Resolved_client_calls_the_server_through_the_http_client_factory(Sending sending)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503));
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddStripeClient(o =>
        {
            o.ApiKey = TestClients.ApiKey;
            o.BaseAddress = _server.BaseAddress;
            o.ApiVersion = "2099-12-31";
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        });
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using IServiceScope scope = provider.CreateScope();

        var client = scope.ServiceProvider.GetRequiredService<StripeClient>();
        AccountLink link = await client.CreateLinkAsync(path, sending: sending);

        Assert.NotNull(link.Url);
        Assert.False(string.IsNullOrEmpty(builder.Name));
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IHttpClientFactory>());
        var requests = _server.RequestsFor(path);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("Bearer " + TestClients.ApiKey, r.Header("Authorization")));
        Assert.All(requests, r => Assert.Equal("2099-12-31", r.Header("Stripe-Version")));
        Assert.Single(requests.Select(r => r.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public void The_interface_resolves_to_the_typed_client_and_a_registration_made_first_is_kept()
    {
        var services = new ServiceCollection();
        services.AddStripeClient(o => o.ApiKey = TestClients.ApiKey);
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using IServiceScope scope = provider.CreateScope();

        Assert.IsType<StripeClient>(scope.ServiceProvider.GetRequiredService<IStripeClient>());
        Assert.Equal(ServiceLifetime.Transient, Assert.Single(services, d => d.ServiceType == typeof(IStripeClient)).Lifetime);

        var mine = new ServiceCollection();
        var standIn = new StandIn();
        mine.AddSingleton<IStripeClient>(standIn);
        mine.AddStripeClient(o => o.ApiKey = TestClients.ApiKey);
        using ServiceProvider kept = mine.BuildServiceProvider();
        Assert.Same(standIn, kept.GetRequiredService<IStripeClient>());
    }

    [Fact]
    public void Missing_api_key_fails_when_the_client_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddStripeClient(o => o.BaseAddress = _server.BaseAddress);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Throws<ArgumentException>(() => provider.GetRequiredService<StripeClient>());
    }

    private sealed class StandIn : IStripeClient
    {
        public Task<T> SendAsync<T>(StripeRequest<T> request, RequestOptions? requestOptions, System.Threading.CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public T Send<T>(StripeRequest<T> request, RequestOptions? requestOptions, System.Threading.CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
