using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.FilesApi;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Files;

/// <summary>The generated <c>QuoteService.PdfAsync</c> against a real Kestrel server standing in for the files host.</summary>
public sealed class QuotePdfTests
{
    [Theory]
    [MemberData(nameof(Support.SendingExtensions.Both), MemberType = typeof(Support.SendingExtensions))]
    public async Task PdfAsync_returns_the_bytes_the_server_sent_from_the_files_host(Support.Sending sending)
    {
        await using FilesServer server = await FilesServer.StartAsync();
        server.Pdf = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31)).ToArray();
        using StripeClient client = FileUploadTests.Client(server);

        using var copy = new MemoryStream();
        await using (Stream pdf = await new QuoteService(Support.SendingExtensions.Through(client, sending)).PdfAsync("qt_123", new QuotePdfOptions { Expand = new() { "x" } }))
        {
            Assert.False(pdf.CanSeek);
            await pdf.CopyToAsync(copy);
        }

        Assert.Equal(server.Pdf, copy.ToArray());
        Assert.Equal("/v1/quotes/qt_123/pdf?expand[0]=x", Uri.UnescapeDataString(Assert.Single(server.PdfRequests)));
    }

    [Fact]
    public async Task PdfAsync_returns_before_the_whole_body_has_arrived()
    {
        await using FilesServer server = await FilesServer.StartAsync();
        server.Pdf = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        server.PdfRestGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using StripeClient client = FileUploadTests.Client(server);

        // The server holds back all but the first 64 KB until the test has read from the stream: a client that read
        // the whole body before returning would wait for ever (the deadline only turns that hang into a failure).
        Stream pdf = await new QuoteService(client).PdfAsync("qt_123").WaitAsync(TimeSpan.FromSeconds(30));
        await using (pdf)
        {
            byte[] first = new byte[1024];
            int read = await pdf.ReadAsync(first);
            Assert.True(read > 0);
            server.PdfRestGate.SetResult();
            using var rest = new MemoryStream();
            await pdf.CopyToAsync(rest);
            Assert.Equal(server.Pdf, first.AsSpan(0, read).ToArray().Concat(rest.ToArray()).ToArray());
        }
    }

    [Fact]
    public async Task A_JSON_error_on_the_pdf_is_the_typed_exception()
    {
        await using FilesServer server = await FilesServer.StartAsync();
        server.ScriptPdf(404);
        using StripeClient client = FileUploadTests.Client(server);

        var error = await Assert.ThrowsAsync<StripeApiException>(() => new QuoteService(client).PdfAsync("qt_missing"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("invalid_request_error", error.StripeError?.Type);
        Assert.Equal("quote", error.StripeError?.Param);
        Assert.Equal("No such quote: 'qt_missing'", error.StripeError?.Message);
        Assert.Equal("req_404", error.RequestId);
    }

    [Fact]
    public async Task A_500_on_the_pdf_is_retried_and_the_response_details_come_with_the_stream()
    {
        await using FilesServer server = await FilesServer.StartAsync();
        server.ScriptPdf(500);
        using StripeClient client = FileUploadTests.Client(server);

        StripeResponse<Stream> response = await new QuoteService(client).PdfWithResponseAsync("qt_123");
        using var copy = new MemoryStream();
        await using (response.Value)
        {
            await response.Value.CopyToAsync(copy);
        }

        Assert.Equal(2, response.Attempts);
        Assert.Equal("req_pdf", response.RequestId);
        Assert.Equal(server.Pdf, copy.ToArray());
        Assert.Equal(2, server.PdfRequests.Count);
    }
}
