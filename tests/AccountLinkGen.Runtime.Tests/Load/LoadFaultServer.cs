using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AccountLinkGen.Load;

/// <summary>
/// A Kestrel server on loopback for load runs: it answers <c>POST /v1/account_links</c> and fails attempts as a
/// <see cref="LoadFaultPlan"/> says. The logical request is named by the form's account,
/// <c>acct_load{id}</c>; the server numbers the attempts of each request as they arrive, records each
/// attempt's <c>Idempotency-Key</c> and counts the TCP connections it accepts. Its bookkeeping is allocated up front,
/// so it does not grow with the requests it serves.
/// </summary>
public sealed class LoadFaultServer : IAsyncDisposable
{
    /// <summary>The account prefix that carries the logical request id.</summary>
    public const string AccountPrefix = "acct_load";

    private static readonly byte[] Success = Encoding.UTF8.GetBytes(
        """{"object":"account_link","created":1700000000,"expires_at":1700000300,"url":"https://connect.stripe.com/setup/s/acct_load/abc"}""");

    private static readonly byte[] ErrorBody = Encoding.UTF8.GetBytes(
        """{"error":{"type":"api_error","message":"Injected fault."}}""");

    private static readonly byte[] RateLimitBody = Encoding.UTF8.GetBytes(
        """{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests."}}""");

    // Long enough that only the client's per-attempt timeout ends a stalled attempt.
    private static readonly TimeSpan Stall = TimeSpan.FromMinutes(5);

    // Lets a partial response reach the client before the connection drops, so the client sees a response cut
    // short (which the HTTP stack cannot retry by itself) rather than a connection closed before any answer.
    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(20);

    private readonly LoadFaultPlan _plan;
    private readonly object _gate = new();
    private readonly int[] _attempts;
    private readonly Guid[] _keys;
    private readonly Dictionary<Guid, int> _keyOwners;
    private WebApplication? _app;
    private int _openConnections;
    private int _peakConnections;
    private int _acceptedConnections;
    private int _keyChanged;
    private int _keyShared;
    private int _unreadable;

    private LoadFaultServer(LoadFaultPlan plan, int capacity)
    {
        _plan = plan;
        _attempts = new int[capacity];
        _keys = new Guid[capacity];
        _keyOwners = new Dictionary<Guid, int>(capacity);
    }

    /// <summary>The server's root, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>TCP connections accepted so far.</summary>
    public int AcceptedConnections => Volatile.Read(ref _acceptedConnections);

    /// <summary>The most TCP connections open at once so far.</summary>
    public int PeakConnections => Volatile.Read(ref _peakConnections);

    /// <summary>Attempts whose idempotency key differed from the first attempt's key of the same request.</summary>
    public int KeyChanged => Volatile.Read(ref _keyChanged);

    /// <summary>Attempts whose idempotency key an earlier attempt of another request had already sent.</summary>
    public int KeyShared => Volatile.Read(ref _keyShared);

    /// <summary>Requests without a readable request id or a GUID idempotency key.</summary>
    public int Unreadable => Volatile.Read(ref _unreadable);

    /// <summary>Starts a server for request ids 0 to <paramref name="capacity"/> - 1.</summary>
    public static async Task<LoadFaultServer> StartAsync(LoadFaultPlan plan, int capacity)
    {
        var server = new LoadFaultServer(plan, capacity);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Limits.MaxConcurrentConnections = null;
            options.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
            {
                server.ConnectionOpened();
                try
                {
                    await next(connection).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref server._openConnections);
                }
            }));
        });
        WebApplication app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        server._app = app;
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>How many attempts of request <paramref name="requestId"/> the server has received.</summary>
    public int AttemptsOf(int requestId)
    {
        lock (_gate)
        {
            return _attempts[requestId];
        }
    }

    /// <summary>The idempotency key the first attempt of request <paramref name="requestId"/> carried.</summary>
    public Guid KeyOf(int requestId)
    {
        lock (_gate)
        {
            return _keys[requestId];
        }
    }

    /// <summary>The form body that names request <paramref name="requestId"/>, for clients that send bodies by hand.</summary>
    public static string FormFor(int requestId) =>
        "account=" + AccountPrefix + requestId.ToString(CultureInfo.InvariantCulture)
        + "&refresh_url=https%3A%2F%2Fexample.com%2Freauth&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding";

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void ConnectionOpened()
    {
        Interlocked.Increment(ref _acceptedConnections);
        int open = Interlocked.Increment(ref _openConnections);
        int peak;
        while (open > (peak = Volatile.Read(ref _peakConnections)) && Interlocked.CompareExchange(ref _peakConnections, open, peak) != peak)
        {
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        int attempt = Record(body, context.Request.Headers["Idempotency-Key"].ToString(), out int requestId);
        if (attempt == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        HttpResponse response = context.Response;
        response.ContentType = "application/json";
        response.Headers["Request-Id"] = "req_load" + requestId.ToString(CultureInfo.InvariantCulture) + "_" + attempt.ToString(CultureInfo.InvariantCulture);
        switch (_plan.FaultFor(requestId, attempt))
        {
            case LoadFault.ServerError:
                await WriteAsync(response, _plan.ServerErrorStatus(requestId, attempt), ErrorBody, context.RequestAborted).ConfigureAwait(false);
                break;
            case LoadFault.RateLimited:
                response.Headers["Retry-After"] = "1";
                await WriteAsync(response, StatusCodes.Status429TooManyRequests, RateLimitBody, context.RequestAborted).ConfigureAwait(false);
                break;
            case LoadFault.Reset:
                response.ContentLength = Success.Length;
                await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
                await response.Body.WriteAsync(Success.AsMemory(0, 17), context.RequestAborted).ConfigureAwait(false);
                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await Task.Delay(AbortGrace, context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                break;
            case LoadFault.Timeout:
                try
                {
                    await Task.Delay(Stall, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up on this attempt: that is the fault.
                }

                break;
            default:
                await WriteAsync(response, StatusCodes.Status200OK, Success, context.RequestAborted).ConfigureAwait(false);
                break;
        }
    }

    private static Task WriteAsync(HttpResponse response, int status, byte[] payload, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentLength = payload.Length;
        return response.Body.WriteAsync(payload, cancellationToken).AsTask();
    }

    // Returns the attempt's number (1 for the first), or 0 when the request cannot be attributed.
    private int Record(string body, string idempotencyKey, out int requestId)
    {
        requestId = ReadRequestId(body);
        if (requestId < 0 || requestId >= _attempts.Length || !Guid.TryParse(idempotencyKey, out Guid key))
        {
            Interlocked.Increment(ref _unreadable);
            return 0;
        }

        lock (_gate)
        {
            int attempt = ++_attempts[requestId];
            if (attempt == 1)
            {
                _keys[requestId] = key;
            }
            else if (_keys[requestId] != key)
            {
                _keyChanged++;
            }

            if (!_keyOwners.TryAdd(key, requestId) && _keyOwners[key] != requestId)
            {
                _keyShared++;
            }

            return attempt;
        }
    }

    private static int ReadRequestId(string body)
    {
        const string Marker = "account=" + AccountPrefix;
        int start = body.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0 || (start > 0 && body[start - 1] != '&'))
        {
            return -1;
        }

        start += Marker.Length;
        int end = body.IndexOf('&', start);
        ReadOnlySpan<char> digits = body.AsSpan(start, (end < 0 ? body.Length : end) - start);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int id) ? id : -1;
    }
}
