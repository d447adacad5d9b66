using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Webhooks;

/// <summary>
/// The README's minimal-API endpoint (<see cref="WebhookEndpoint"/>), served by Kestrel on loopback and sent what
/// Stripe sends: signed events reach the application as generated models; anything unsigned is a 400.
/// </summary>
public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private const string Customer = """{"id":"cus_NffrFeUfNV2Hib","object":"customer","created":1680893993,"livemode":false,"email":"jennyrosen@example.com"}""";

    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private CustomerDirectory Customers => _app.Services.GetRequiredService<CustomerDirectory>();

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<CustomerDirectory>();
        _app = builder.Build();
        WebhookEndpoint.Map(_app, Signing.Secret);
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_customer_created_event_reaches_the_application_as_a_Customer()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Signing.Event("customer.created", Customer), sign: true));

        Assert.Equal("jennyrosen@example.com", Customers.Emails["cus_NffrFeUfNV2Hib"]);

        string updated = Customer.Replace("jennyrosen@", "jenny.rosen@", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Signing.Event("customer.updated", updated, """{"email":"jennyrosen@example.com"}"""), sign: true));
        Assert.Equal("jenny.rosen@example.com", Customers.Emails["cus_NffrFeUfNV2Hib"]);
    }

    [Fact]
    public async Task Other_events_are_acknowledged_and_change_nothing()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Signing.Event("invoice.paid", """{"id":"in_1","object":"invoice"}"""), sign: true));

        Assert.Empty(Customers.Emails);
    }

    [Fact]
    public async Task An_unsigned_or_forged_request_is_a_400_and_changes_nothing()
    {
        string payload = Signing.Event("customer.created", Customer);

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(payload, sign: false));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(payload, sign: true, secret: "whsec_guessed"));
        Assert.Empty(Customers.Emails);
    }

    [Fact]
    public void The_README_shows_this_endpoint_line_for_line()
    {
        string root = RepositoryRoot();
        string[] endpoint = Snippet(File.ReadAllLines(Path.Combine(root, "tests", "AccountLinkGen.Runtime.Tests", "Webhooks", "WebhookEndpoint.cs")));
        string readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains(string.Join("\n", endpoint) + "\n", readme, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> PostAsync(string payload, bool sign, string secret = Signing.Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (sign)
        {
            request.Headers.Add("Stripe-Signature", Signing.Header(payload, secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        }

        using HttpResponseMessage response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The lines between the markers, without the indentation the method gives them.</summary>
    private static string[] Snippet(string[] lines)
    {
        int begin = Array.FindIndex(lines, l => l.Trim() == WebhookEndpoint.Begin);
        int end = Array.FindIndex(lines, l => l.Trim() == WebhookEndpoint.End);
        Assert.True(begin >= 0 && end > begin, "WebhookEndpoint.cs lost its README markers.");
        string[] snippet = lines[(begin + 1)..end];
        int indent = snippet.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return snippet.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()).ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AccountLinkGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository; AccountLinkGen.sln was not found above " + AppContext.BaseDirectory);
    }
}
