using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.FilesApi;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Files;

/// <summary>
/// The generated <c>FileService.CreateAsync</c> against a real Kestrel server standing in for the files host: the
/// multipart body as ASP.NET Core's form reader parses it, streaming, and the rule that only a stream that can seek
/// back is retried.
/// </summary>
public sealed class FileUploadTests
{
    // Nothing listens on port 1: a request sent to the API host instead of the files host fails on the network.
    private static readonly Uri Unreachable = new("http://127.0.0.1:1/");

    [Theory]
    [MemberData(nameof(Support.SendingExtensions.Both), MemberType = typeof(Support.SendingExtensions))]
    public async Task The_multipart_body_carries_the_file_its_name_and_type_and_every_parameter_as_the_form_encoder_names_it(Support.Sending sending)
    {
        await using FilesServer server = await FilesServer.StartAsync();
        using StripeClient client = Client(server);
        byte[] bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        using var stream = new MemoryStream(bytes);
        var options = new FileCreateOptions
        {
            File = stream,
            FileName = "evidence \"final\".pdf",
            FileContentType = "application/pdf",
            Purpose = FilePurpose.DisputeEvidence,
            Expand = new List<string> { "links" },
            FileLinkData = new FileFileLinkDataOptions
            {
                Create = true,
                ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000),
                Metadata = new Dictionary<string, string> { ["order id"] = "a&b=c+d ü", ["x[y]"] = "z", ["заказ 7"] = "№ 7" },
            },
        };

        FilesApi.File file = await new FileService(Support.SendingExtensions.Through(client, sending)).CreateAsync(options);

        Upload upload = Assert.Single(server.Uploads);
        Assert.Equal("file_1Kq2Xb", file.Id);
        Assert.Equal(bytes, upload.FileBytes);
        Assert.Equal("evidence %22final%22.pdf", upload.FileName);
        Assert.Equal("application/pdf", upload.FileContentType);
        Assert.StartsWith("multipart/form-data; boundary=", upload.Header("Content-Type"), StringComparison.Ordinal);
        Assert.NotNull(upload.Header("Idempotency-Key"));
        Assert.Equal("Bearer " + Support.TestClients.ApiKey, upload.Header("Authorization"));

        // Every parameter but the file, under the names and with the values the form encoder gives it (brackets in a
        // map key included), unescaped: a part's value is its text.
        var expected = new Dictionary<string, string>
        {
            ["expand[0]"] = "links",
            ["file_link_data[create]"] = "true",
            ["file_link_data[expires_at]"] = "1900000000",
            ["file_link_data[metadata][order id]"] = "a&b=c+d ü",
            ["file_link_data[metadata][x][y]"] = "z",
            ["file_link_data[metadata][заказ 7]"] = "№ 7",
            ["purpose"] = "dispute_evidence",
        };
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), upload.Fields.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(Decode(options.ToFormUrlEncoded()).OrderBy(p => p.Key, StringComparer.Ordinal), upload.Fields.OrderBy(p => p.Key, StringComparer.Ordinal));

        // A stream that can seek has a known length: the request says it.
        Assert.Equal(upload.RawLength.ToString(System.Globalization.CultureInfo.InvariantCulture), upload.Header("Content-Length"));
        Assert.Equal(bytes.Length, stream.Position);
    }

    [Fact]
    public async Task Without_a_name_the_part_is_named_after_a_FileStream_or_blob_and_typed_application_octet_stream()
    {
        await using FilesServer server = await FilesServer.StartAsync();
        using StripeClient client = Client(server);
        string path = Path.Combine(Path.GetTempPath(), "dispute-" + Guid.NewGuid().ToString("N") + ".png");
        await System.IO.File.WriteAllBytesAsync(path, new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        try
        {
            await using (FileStream onDisk = System.IO.File.OpenRead(path))
            {
                await new FileService(client).CreateAsync(new FileCreateOptions { File = onDisk, Purpose = FilePurpose.DisputeEvidence });
            }

            await new FileService(client).CreateAsync(new FileCreateOptions { File = new MemoryStream(new byte[] { 1 }), Purpose = "identity_document" });
        }
        finally
        {
            System.IO.File.Delete(path);
        }

        Assert.Equal(new[] { Path.GetFileName(path), "blob" }, server.Uploads.Select(u => u.FileName));
        Assert.Equal(new[] { "application/octet-stream", "application/octet-stream" }, server.Uploads.Select(u => u.FileContentType));
        Assert.Equal("identity_document", server.Uploads[1].Fields["purpose"]);
    }

    [Fact]
    public async Task A_large_stream_that_cannot_seek_is_sent_chunked_while_it_is_read_never_buffered_whole()
    {
        await using FilesServer server = await FilesServer.StartAsync();
        const long Size = 8L * 1024 * 1024;
        const long Gate = 2L * 1024 * 1024;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The server must receive the first megabyte before the source hands out more than two: a client that read
        // the whole stream into memory before sending would never get past the gate.
        server.RawUpload = (1024 * 1024, reached);
        using StripeClient client = Client(server);
        var source = new SourceStream(Size, gateAfter: Gate, gate: reached.Task);

        await new FileService(client).CreateAsync(new FileCreateOptions { File = source, Purpose = FilePurpose.DisputeEvidence });

        Upload upload = Assert.Single(server.Uploads);
        Assert.True(reached.Task.IsCompletedSuccessfully);
        Assert.Equal(Size, source.BytesRead);
        Assert.True(source.Reads > 10, $"the source was read {source.Reads} times");
        Assert.Equal("chunked", upload.Header("Transfer-Encoding"));
        Assert.Null(upload.Header("Content-Length"));
        Assert.InRange(upload.RawLength, Size, Size + 4096);
    }

    [Theory]
    [MemberData(nameof(Support.SendingExtensions.Both), MemberType = typeof(Support.SendingExtensions))]
    public async Task A_stream_that_can_seek_is_retried_after_a_500_with_the_same_bytes_and_idempotency_key(Support.Sending sending)
    {
        await using FilesServer server = await FilesServer.StartAsync();
        server.ScriptUploads(500, 500);
        using StripeClient client = Client(server);
        byte[] bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 253)).ToArray();
        using var stream = new MemoryStream(bytes);

        // Sent from where the stream stands when the call starts, on every attempt.
        stream.Position = 3;
        StripeResponse<FilesApi.File> response = await new FileService(Support.SendingExtensions.Through(client, sending)).CreateWithResponseAsync(
            new FileCreateOptions { File = stream, Purpose = FilePurpose.DisputeEvidence });

        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, server.Uploads.Count);
        Assert.All(server.Uploads, u => Assert.Equal(bytes.AsSpan(3).ToArray(), u.FileBytes));
        Assert.Single(server.Uploads.Select(u => u.Header("Idempotency-Key")).Distinct());
        Assert.Equal(response.IdempotencyKey, server.Uploads[0].Header("Idempotency-Key"));
    }

    [Theory]
    [MemberData(nameof(Support.SendingExtensions.Both), MemberType = typeof(Support.SendingExtensions))]
    public async Task A_stream_that_cannot_seek_is_sent_once_and_a_500_ends_the_call(Support.Sending sending)
    {
        await using FilesServer server = await FilesServer.StartAsync();
        server.ScriptUploads(500);
        using StripeClient client = Client(server);
        var source = new SourceStream(10_000);

        var error = await Assert.ThrowsAsync<StripeApiException>(() =>
            new FileService(Support.SendingExtensions.Through(client, sending)).CreateAsync(new FileCreateOptions { File = source, Purpose = FilePurpose.DisputeEvidence }));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("api_error", error.StripeError?.Type);
        Assert.Equal(10_000, Assert.Single(server.Uploads).FileBytes.Length);
    }

    [Theory]
    [MemberData(nameof(Support.SendingExtensions.Both), MemberType = typeof(Support.SendingExtensions))]
    public async Task A_stream_that_fails_to_read_ends_the_call_naming_the_file_and_is_never_retried_as_a_network_failure(Support.Sending sending)
    {
        await using FilesServer server = await FilesServer.StartAsync();
        using StripeClient client = Client(server);
        using var stream = new FailingStream(new byte[300_000], failAt: 100_000);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new FileService(Support.SendingExtensions.Through(client, sending)).CreateAsync(new FileCreateOptions { File = stream, Purpose = FilePurpose.DisputeEvidence }));

        Assert.Equal("file", error.ParamName);
        Assert.Equal("The disk went away.", Assert.IsType<IOException>(error.InnerException).Message);
        Assert.Equal(0, stream.Rewinds); // a retry would first put the stream back at its start
    }

    /// <summary>A seekable stream whose reads fail from one position on, counting how often it is put back.</summary>
    private sealed class FailingStream(byte[] bytes, long failAt) : MemoryStream(bytes)
    {
        public int Rewinds { get; private set; }

        public override long Position
        {
            get => base.Position;
            set
            {
                Rewinds++;
                base.Position = value;
            }
        }

        public override long Seek(long offset, SeekOrigin loc)
        {
            Rewinds++;
            return base.Seek(offset, loc);
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            base.Position >= failAt ? throw new IOException("The disk went away.") : base.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }

    [Fact]
    public async Task A_content_type_that_is_no_media_type_is_refused_before_anything_is_sent()
    {
        await using FilesServer server = await FilesServer.StartAsync();
        using StripeClient client = Client(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new FileService(client).CreateAsync(
            new FileCreateOptions { File = new MemoryStream(new byte[] { 1 }), FileContentType = "pdf, please", Purpose = FilePurpose.DisputeEvidence }));

        Assert.Equal("contentType", error.ParamName);
        Assert.Empty(server.Uploads);
    }

    [Fact]
    public void FilesBaseAddress_must_be_https_or_loopback_as_BaseAddress_must()
    {
        var error = Assert.Throws<ArgumentException>(() => new StripeClient(new StripeClientOptions
        {
            ApiKey = Support.TestClients.ApiKey,
            FilesBaseAddress = new Uri("http://files.example.com/"),
        }));

        Assert.Equal("FilesBaseAddress", error.ParamName);
        Assert.Equal(new Uri("https://files.stripe.com/"), new StripeClientOptions().FilesBaseAddress);
    }

    internal static StripeClient Client(FilesServer server) => new(new StripeClientOptions
    {
        ApiKey = Support.TestClients.ApiKey,
        BaseAddress = Unreachable,
        FilesBaseAddress = server.BaseAddress,
        InitialRetryDelay = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.Zero,
    });

    private static Dictionary<string, string> Decode(string form) =>
        form.Split('&').Select(p => p.Split('=')).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));
}
