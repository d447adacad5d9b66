using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>What went over the wire for one call: the request as sent and the response body as received.</summary>
internal sealed class Exchange
{
    public string Request { get; set; } = "(nothing sent)";

    public int Status { get; set; }

    public byte[]? ResponseBody { get; set; }
}

/// <summary>
/// Records each request and response into the <see cref="Exchange"/> of the calling flow, so the harness can show
/// what was sent and compare the raw response with the model the generated reader made of it.
/// </summary>
internal sealed class CapturingHandler : DelegatingHandler
{
    private static readonly AsyncLocal<Exchange?> Current = new();

    public CapturingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Starts recording for the current asynchronous flow.</summary>
    public static Exchange Begin() => Current.Value = new Exchange();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Exchange? exchange = Current.Value;
        if (exchange is not null)
        {
            string body = request.Content is null ? string.Empty : " " + await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            exchange.Request = $"{request.Method} {request.RequestUri?.PathAndQuery}{body}";
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (exchange is not null)
        {
            // Buffered, the body can be read here and again by the client.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            exchange.Status = (int)response.StatusCode;
            exchange.ResponseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
