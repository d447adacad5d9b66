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

namespace AccountLinkGen.Runtime.Tests.Files;

/// <summary>One upload attempt as the server read it: through ASP.NET Core's form reader, or raw.</summary>
public sealed record Upload(
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Fields,
    byte[] FileBytes,
    string? FileName,
    string? FileContentType,
    long RawLength)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>
/// A real Kestrel server on loopback standing in for Stripe's files host: it takes uploads at <c>/v1/files</c>
/// (parsed by ASP.NET Core's form reader, or read raw a buffer at a time) and serves quote PDFs, each answering from a
/// script of statuses, then success. One per test.
/// </summary>
public sealed class FilesServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _uploadStatuses = new();
    private readonly ConcurrentQueue<int> _pdfStatuses = new();
    private readonly ConcurrentQueue<Upload> _uploads = new();
    private readonly ConcurrentQueue<string> _pdfRequests = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The PDF's bytes.</summary>
    public byte[] Pdf { get; set; } = Encoding.ASCII.GetBytes("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

    /// <summary>When set, the PDF's first 64 KB are sent, then the rest only once this completes.</summary>
    public TaskCompletionSource? PdfRestGate { get; set; }

    /// <summary>When set, uploads are read raw, and this completes once that many body bytes have arrived.</summary>
    public (long Bytes, TaskCompletionSource Reached)? RawUpload { get; set; }

    public IReadOnlyList<Upload> Uploads => _uploads.ToArray();

    /// <summary>Each PDF request's path and query.</summary>
    public IReadOnlyList<string> PdfRequests => _pdfRequests.ToArray();

    public static async Task<FilesServer> StartAsync()
    {
        var server = new FilesServer();
        (server._app, server.BaseAddress) = await Server.LoopbackKestrel.StartAsync(server.HandleAsync);
        return server;
    }

    public void ScriptUploads(params int[] statuses) => Array.ForEach(statuses, _uploadStatuses.Enqueue);

    public void ScriptPdf(params int[] statuses) => Array.ForEach(statuses, _pdfStatuses.Enqueue);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/v1/files") ? UploadAsync(context) : PdfAsync(context);

    private async Task UploadAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (RawUpload is { } raw)
        {
            long total = 0;
            var buffer = new byte[16384];
            for (int read; (read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0;)
            {
                total += read;
                if (total >= raw.Bytes)
                {
                    raw.Reached.TrySetResult();
                }
            }

            _uploads.Enqueue(new Upload(headers, new Dictionary<string, string>(), Array.Empty<byte>(), null, null, total));
        }
        else
        {
            IFormCollection form = await request.ReadFormAsync(context.RequestAborted);
            IFormFile? file = form.Files.GetFile("file");
            using var bytes = new MemoryStream();
            if (file is not null)
            {
                await file.CopyToAsync(bytes, context.RequestAborted);
            }

            _uploads.Enqueue(new Upload(
                headers,
                form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal),
                bytes.ToArray(),
                file?.FileName,
                file?.ContentType,
                request.ContentLength ?? -1));
        }

        int status = _uploadStatuses.TryDequeue(out int next) ? next : 200;
        await RespondJsonAsync(context, status, status == 200
            ? """{"id":"file_1Kq2Xb","object":"file","purpose":"dispute_evidence","size":42,"filename":"evidence.pdf"}"""
            : """{"error":{"type":"api_error","message":"Something went wrong."}}""");
    }

    private async Task PdfAsync(HttpContext context)
    {
        _pdfRequests.Enqueue(context.Request.Path + context.Request.QueryString);
        int status = _pdfStatuses.TryDequeue(out int next) ? next : 200;
        if (status != 200)
        {
            await RespondJsonAsync(context, status, status == 404
                ? """{"error":{"type":"invalid_request_error","message":"No such quote: 'qt_missing'","param":"quote"}}"""
                : """{"error":{"type":"api_error","message":"Something went wrong."}}""");
            return;
        }

        context.Response.ContentType = "application/pdf";
        context.Response.Headers["Request-Id"] = "req_pdf";
        if (PdfRestGate is { } gate)
        {
            int first = Math.Min(65536, Pdf.Length);
            await context.Response.Body.WriteAsync(Pdf.AsMemory(0, first), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await gate.Task.WaitAsync(context.RequestAborted);
            await context.Response.Body.WriteAsync(Pdf.AsMemory(first), context.RequestAborted);
            return;
        }

        context.Response.ContentLength = Pdf.Length;
        await context.Response.Body.WriteAsync(Pdf, context.RequestAborted);
    }

    private static async Task RespondJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = "req_" + status;
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
