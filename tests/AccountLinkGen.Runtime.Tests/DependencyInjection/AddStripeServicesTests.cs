using System;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Generated;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MyApp.Stripe;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.DependencyInjection;

/// <summary>
/// The generated registration: one call registers the client and every service, resolved from a real container and
/// calling a real Kestrel server.
/// </summary>
public sealed class AddStripeServicesTests : IClassFixture<StripeTestServer>
{
    private const string CustomerJson = """{"id":"cus_123","object":"customer","created":1700000000,"livemode":false}""";

    private readonly StripeTestServer _server;

    public AddStripeServicesTests(StripeTestServer server) => _server = server;

    [Fact]
    public async Task One_call_registers_the_client_the_accessor_and_every_service_which_call_the_server()
    {
        string prefix = _server.NewPath("/di");
        string path = prefix + "/v1/customers/cus_123";
        _server.Script(path, ScriptedResponse.Error(503), new ScriptedResponse { Body = CustomerJson }, new ScriptedResponse { Body = CustomerJson });
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddStripeServices(o =>
        {
            o.ApiKey = TestClients.ApiKey;
            o.BaseAddress = new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/");
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        });
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using IServiceScope scope = provider.CreateScope();

        var stripe = scope.ServiceProvider.GetRequiredService<StripeServices>();
        Customer customer = await stripe.Customers.GetAsync("cus_123");
        Customer direct = await scope.ServiceProvider.GetRequiredService<CustomerService>().GetAsync("cus_123");

        Assert.Equal("cus_123", customer.Id);
        Assert.Equal("cus_123", direct.Id);
        Assert.False(string.IsNullOrEmpty(builder.Name));
        Assert.Same(stripe.Customers, stripe.Customers);
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<WebhookEndpointService>());
        var requests = _server.RequestsFor(path);
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        Assert.All(requests, r => Assert.Equal("Bearer " + TestClients.ApiKey, r.Header("Authorization")));
    }

    [Fact]
    public void Services_are_transient_like_the_typed_client_they_are_created_over()
    {
        var services = new ServiceCollection();
        services.AddStripeServices(o => o.ApiKey = TestClients.ApiKey);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(ServiceLifetime.Transient, Lifetime(services, typeof(StripeServices)));
        Assert.Equal(ServiceLifetime.Transient, Lifetime(services, typeof(CustomerService)));
        Assert.Equal(ServiceLifetime.Transient, Lifetime(services, typeof(StripeClient)));
        Assert.NotSame(provider.GetRequiredService<CustomerService>(), provider.GetRequiredService<CustomerService>());
        Assert.NotSame(provider.GetRequiredService<StripeServices>(), provider.GetRequiredService<StripeServices>());
    }

    [Fact]
    public void Services_alone_are_registered_over_a_client_registered_apart_and_registrations_made_first_are_kept()
    {
        var services = new ServiceCollection();
        var mine = new AccountLinkService(new StripeClient(new StripeClientOptions { ApiKey = TestClients.ApiKey }));
        services.AddSingleton(mine);
        services.AddStripeClient(o => o.ApiKey = TestClients.ApiKey);
        services.AddAccountLinksServices().AddClearableServices();
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Same(mine, provider.GetRequiredService<AccountLinkService>());
        Assert.NotNull(provider.GetRequiredService<AccountLinksServices>().AccountLinks);
        Assert.NotNull(provider.GetRequiredService<ClearableServices>());
    }

    [Fact]
    public async Task Services_take_an_IStripeClient_registered_in_its_own_right_while_the_accessor_keeps_the_client()
    {
        var services = new ServiceCollection();
        var standIn = new RecordingStripeClient();
        services.AddSingleton<IStripeClient>(standIn);
        services.AddStripeServices(o => o.ApiKey = TestClients.ApiKey);
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        await Assert.ThrowsAsync<NotImplementedException>(() => provider.GetRequiredService<CustomerService>().GetAsync("cus_123"));

        Assert.Equal("GetCustomersCustomer", Assert.Single(standIn.Operations));
        Assert.NotNull(provider.GetRequiredService<StripeServices>().Client);
    }

    [Fact]
    public void Registration_without_a_client_fails_when_a_service_is_resolved_saying_what_is_missing()
    {
        var services = new ServiceCollection();
        services.AddAccountLinksServices();
        using ServiceProvider provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<AccountLinkService>());
        Assert.Contains(nameof(StripeClient), exception.Message, StringComparison.Ordinal);
    }

    /// <summary>A stand-in that records which operation each call describes and answers none.</summary>
    private sealed class RecordingStripeClient : IStripeClient
    {
        public System.Collections.Generic.List<string> Operations { get; } = new();

        public Task<T> SendAsync<T>(StripeRequest<T> request, RequestOptions? requestOptions, System.Threading.CancellationToken cancellationToken)
        {
            Operations.Add(request.Operation.OperationId);
            throw new NotImplementedException();
        }

        public T Send<T>(StripeRequest<T> request, RequestOptions? requestOptions, System.Threading.CancellationToken cancellationToken)
        {
            Operations.Add(request.Operation.OperationId);
            throw new NotImplementedException();
        }
    }

    private static ServiceLifetime Lifetime(IServiceCollection services, Type type)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == type)
            {
                return descriptor.Lifetime;
            }
        }

        throw new InvalidOperationException(type + " is not registered.");
    }
}
