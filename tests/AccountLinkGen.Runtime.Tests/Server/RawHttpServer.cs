using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen.Runtime.Tests.Server;

/// <summary>
/// A loopback HTTP/1.1 server that answers each connection with exactly the response bytes it is given, for what
/// Kestrel will not send: Kestrel adds a <c>Date</c> header to every response, even when the handler removes it.
/// One request per connection (each answer says <c>Connection: close</c>); after the scripted answers, 200 with an
/// account link.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> _responses = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public RawHttpServer(params string[] responses)
    {
        foreach (string response in responses)
        {
            _responses.Enqueue(response);
        }

        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>How many requests were read completely.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A response with the given status line and headers (no <c>Date</c> unless listed) and a JSON body.</summary>
    public static string Response(string status, string body, params string[] headers)
    {
        var text = new StringBuilder("HTTP/1.1 ").Append(status).Append("\r\n");
        foreach (string header in headers)
        {
            text.Append(header).Append("\r\n");
        }

        int length = Encoding.UTF8.GetByteCount(body);
        text.Append("Content-Type: application/json\r\nConnection: close\r\n")
            .Append("Content-Length: ").Append(length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n")
            .Append(body);
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using TcpClient connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            using NetworkStream stream = connection.GetStream();
            await ReadRequestAsync(stream);
            Interlocked.Increment(ref _requests);
            string response = _responses.TryDequeue(out string? next)
                ? next
                : Response("200 OK", ScriptedResponse.AccountLinkJson);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(response), _stop.Token);
            await stream.FlushAsync(_stop.Token);
            connection.Client.Shutdown(SocketShutdown.Send);
        }
    }

    private async Task ReadRequestAsync(NetworkStream stream)
    {
        // Headers up to the blank line, then as many body bytes as Content-Length says.
        var received = new MemoryStream();
        var buffer = new byte[4096];
        int headerEnd = -1;
        while (headerEnd < 0)
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the request ended.");
            }

            received.Write(buffer, 0, read);
            headerEnd = Encoding.ASCII.GetString(received.ToArray()).IndexOf("\r\n\r\n", StringComparison.Ordinal);
        }

        string headers = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
        int contentLength = 0;
        foreach (string line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        long remaining = headerEnd + 4 + contentLength - received.Length;
        while (remaining > 0)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), _stop.Token);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the body ended.");
            }

            remaining -= read;
        }
    }
}
