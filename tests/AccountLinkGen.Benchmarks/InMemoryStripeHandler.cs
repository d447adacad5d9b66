using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen.Benchmarks;

/// <summary>Answers every request with the account link fixture after reading the request body, as a server would.</summary>
public sealed class InMemoryStripeHandler : HttpMessageHandler
{
    public static readonly MediaTypeHeaderValue FormContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        return Answer(request);
    }

    /// <summary>The synchronous path of the clients' sync calls (<c>HttpClient.Send</c>).</summary>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content?.CopyTo(Stream.Null, null, cancellationToken);
        return Answer(request);
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(LoopbackStripeServer.Fixture);
        content.Headers.ContentType = JsonContentType;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("Request-Id", LoopbackStripeServer.RequestId);
        return response;
    }
}
