using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// A Kestrel server on 127.0.0.1 and a free port that answers <c>POST /v1/account_links</c> with Stripe's fixture.
/// No routing, logging or other middleware: the server should cost as little of each round trip as it can.
/// </summary>
public sealed class LoopbackStripeServer : IAsyncDisposable
{
    public const string FixtureUrl = "https://connect.stripe.com/setup/c/acct_1Mt0CORHFI4mz9Rw/TqckGNUHg2mG";

    public const string RequestId = "req_benchmark";

    public static readonly byte[] Fixture = Encoding.UTF8.GetBytes(
        "{\"object\":\"account_link\",\"created\":1680577733,\"expires_at\":1680578033,\"url\":\"" + FixtureUrl + "\"}");

    private readonly WebApplication _app;

    private LoopbackStripeServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public static async Task<LoopbackStripeServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.Run(static async context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/v1/account_links")
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await context.Request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Fixture.Length;
            context.Response.Headers["Request-Id"] = RequestId;
            await context.Response.Body.WriteAsync(Fixture).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackStripeServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
