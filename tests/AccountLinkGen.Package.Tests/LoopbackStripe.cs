using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AccountLinkGen.Package.Tests;

/// <summary>
/// A Kestrel server on 127.0.0.1 that answers <c>POST /v1/account_links</c>: the first request with a 500 that
/// Stripe's clients retry, every later one with an account link. It records each attempt's idempotency key.
/// </summary>
internal sealed class LoopbackStripe : IAsyncDisposable
{
    public const string LinkUrl = "https://connect.stripe.com/setup/c/acct_1Mt0CORHFI4mz9Rw/TqckGNUHg2mG";

    private readonly WebApplication _app;
    private int _requests;

    private LoopbackStripe(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The <c>Idempotency-Key</c> of each request, in arrival order.</summary>
    public ConcurrentQueue<string> IdempotencyKeys { get; } = new();

    public static async Task<LoopbackStripe> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var server = new LoopbackStripe(builder.Build());
        server._app.Run(server.AnswerAsync);
        await server._app.StartAsync();
        string address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/v1/account_links")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        IdempotencyKeys.Enqueue(context.Request.Headers["Idempotency-Key"].ToString());
        context.Response.ContentType = "application/json";
        if (Interlocked.Increment(ref _requests) == 1)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.Headers["Request-Id"] = "req_first";
            await context.Response.WriteAsync("""{"error":{"type":"api_error","message":"Try again."}}""");
            return;
        }

        context.Response.Headers["Request-Id"] = "req_second";
        await context.Response.WriteAsync($$"""{"object":"account_link","created":1680577733,"expires_at":1680578033,"url":"{{LinkUrl}}"}""");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
