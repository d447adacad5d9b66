using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Server;

/// <summary>
/// A real Kestrel server on loopback that records every request and answers each path from its own script, one
/// scripted response per attempt, then plain success. Tests use a fresh path per logical request, so they can
/// share one server and run in parallel.
/// </summary>
public sealed class StripeTestServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedRequest>> _requests = new(StringComparer.Ordinal);
    private int _requestCounter;
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(20);

    private int _scriptedServed;
    private int _responseCounter;

    /// <summary>How many scripted (non-default) responses the server has played.</summary>
    public int ScriptedResponsesServed => Volatile.Read(ref _scriptedServed);

    public async Task InitializeAsync()
    {
        (_app, Uri baseAddress) = await LoopbackKestrel.StartAsync(HandleAsync);
        BaseAddress = baseAddress;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Returns a path no other test uses.</summary>
    public string NewPath(string prefix = "/v1/account_links") => $"{prefix}/t{Interlocked.Increment(ref _requestCounter)}_{Guid.NewGuid():N}";

    /// <summary>Queues responses for <paramref name="path"/>, played one per request; afterwards requests succeed.</summary>
    public void Script(string path, params ScriptedResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(path, _ => new ConcurrentQueue<ScriptedResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsFor(string path) =>
        _requests.TryGetValue(path, out var list) ? list.ToArray() : Array.Empty<RecordedRequest>();

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        string path = request.Path.Value ?? string.Empty;
        _requests.GetOrAdd(path, _ => new ConcurrentQueue<RecordedRequest>())
            .Enqueue(new RecordedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, headers, body));

        ScriptedResponse script = ScriptedResponse.Ok();
        if (_scripts.TryGetValue(path, out var queue) && queue.TryDequeue(out var next))
        {
            script = next;
            Interlocked.Increment(ref _scriptedServed);
        }

        script.Received?.TrySetResult();
        if (script.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(script.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (script.AbortBeforeResponse)
        {
            context.Abort();
            return;
        }

        HttpResponse response = context.Response;
        response.StatusCode = script.Status;
        response.Headers["Request-Id"] = "req_" + Interlocked.Increment(ref _responseCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in script.Headers)
        {
            response.Headers[name] = value;
        }

        byte[] payload = Encoding.UTF8.GetBytes(script.Body);
        if (!response.Headers.ContainsKey("Content-Type"))
        {
            response.ContentType = "application/json";
        }

        if (!script.Chunked)
        {
            response.ContentLength = payload.Length;
        }

        if (script.AbortAfterBodyBytes is { } cut)
        {
            await response.StartAsync(context.RequestAborted);
            await response.Body.WriteAsync(payload.AsMemory(0, Math.Min(cut, payload.Length)), context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);

            // Let the partial response reach the client before the connection drops, so the client sees a
            // response cut short rather than a connection closed before any answer.
            await Task.Delay(AbortGrace, context.RequestAborted);
            context.Abort();
            return;
        }

        if (script.StallAfterBodyBytes is { } stall)
        {
            await response.StartAsync(context.RequestAborted);
            await response.Body.WriteAsync(payload.AsMemory(0, Math.Min(stall, payload.Length)), context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on the body: that is the point of the stall.
            }

            return;
        }

        await response.Body.WriteAsync(payload, context.RequestAborted);
    }
}
