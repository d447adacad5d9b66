using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen.Wire.Tests.Support;

/// <summary>
/// Stands in for the network under a generated service: records the last request (its body read before the client
/// disposes it) and answers 200 with a fixed JSON body.
/// </summary>
public sealed class RecordingHandler(string responseJson) : HttpMessageHandler
{
    /// <summary>The last request sent.</summary>
    public HttpRequestMessage? Request { get; private set; }

    /// <summary>The last request's body, or null when it had none.</summary>
    public string? Body { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Request = request;
        Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(responseJson, System.Text.Encoding.UTF8, "application/json"),
        };
    }
}
