using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// The whole spec's auto-paging methods against stripe-mock, which validates every request against the spec and
/// answers with one page of Stripe's fixtures (<c>has_more: false</c>): a list, a list below a resource, and a
/// search enumerate to their end through the generated client.
/// </summary>
public sealed class StripeMockAutoPagingTests : IClassFixture<StripeMockFixture>, IClassFixture<WholeSpecClientFixture>
{
    private readonly StripeMockFixture _mock;
    private readonly WholeSpecClientFixture _client;
    private readonly ITestOutputHelper _output;

    public StripeMockAutoPagingTests(StripeMockFixture mock, WholeSpecClientFixture client, ITestOutputHelper output)
    {
        _mock = mock;
        _client = client;
        _output = output;
    }

    [SkippableFact]
    public async Task ListAutoPagingAsync_EnumeratesCustomers()
    {
        List<string> ids = await EnumerateAsync("CustomerService", "ListAutoPagingAsync", null, Options("CustomerListOptions", ("Limit", 3L)));

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("cus_", id, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ListLineItemsAutoPagingAsync_EnumeratesAnInvoicesLines()
    {
        List<string> ids = await EnumerateAsync("InvoiceService", "ListLineItemsAutoPagingAsync", "in_123", null);

        Assert.NotEmpty(ids);
    }

    [SkippableFact]
    public async Task SearchAutoPagingAsync_EnumeratesFoundCustomers()
    {
        List<string> ids = await EnumerateAsync("CustomerService", "SearchAutoPagingAsync", null, Options("CustomerSearchOptions", ("Query", "email:'jo@example.com'")));

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("cus_", id, StringComparison.Ordinal));
    }

    private object Options(string typeName, params (string Property, object Value)[] values)
    {
        SkipUnlessReady();
        object options = Activator.CreateInstance(_client.Assembly.GetType(WholeSpecClientFixture.Namespace + "." + typeName, throwOnError: true)!)!;
        foreach (var (property, value) in values)
        {
            options.GetType().GetProperty(property)!.SetValue(options, value);
        }

        return options;
    }

    private async Task<List<string>> EnumerateAsync(string serviceName, string methodName, string? id, object? options)
    {
        SkipUnlessReady();
        using var stripe = new StripeClient(new StripeClientOptions { ApiKey = "sk_test_123", BaseAddress = _mock.BaseAddress, MaxRetries = 0 });
        Type serviceType = _client.Assembly.GetType(WholeSpecClientFixture.Namespace + "." + serviceName, throwOnError: true)!;
        object service = Activator.CreateInstance(serviceType, stripe)!;
        MethodInfo method = serviceType.GetMethod(methodName)!;
        var arguments = new List<object?>();
        if (id is not null)
        {
            arguments.Add(id);
        }

        arguments.AddRange(new[] { options, null, (object)CancellationToken.None });

        // The items' type is the generated model's; IAsyncEnumerable is covariant, so they enumerate as objects.
        var items = (IAsyncEnumerable<object>)method.Invoke(service, arguments.ToArray())!;
        var ids = new List<string>();
        await foreach (object item in items)
        {
            ids.Add((string)item.GetType().GetProperty("Id")!.GetValue(item)!);
        }

        _output.WriteLine($"{serviceName}.{methodName}: {string.Join(", ", ids)}");
        return ids;
    }

    private void SkipUnlessReady()
    {
        Skip.If(_mock.SkipReason is not null, _mock.SkipReason);
        Skip.If(_client.SkipReason is not null, _client.SkipReason);
    }
}
