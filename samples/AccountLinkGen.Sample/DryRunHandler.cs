using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen.Sample;

/// <summary>
/// Stands in for the network: prints the request exactly as the real client built it (headers included, the API
/// key redacted) and answers with Stripe's documented example response, so nothing leaves the machine.
/// </summary>
internal sealed class DryRunHandler : HttpMessageHandler
{
    private readonly TextWriter _output;

    public DryRunHandler(TextWriter output) => _output = output;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _output.WriteLine($"{request.Method} {request.RequestUri} HTTP/{request.Version}");
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>>());
        foreach (var header in headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            string value = string.Join(", ", header.Value);
            if (header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                value = "Bearer sk_…(redacted)";
            }

            _output.WriteLine($"{header.Key}: {value}");
        }

        _output.WriteLine();
        if (request.Content is not null)
        {
            _output.WriteLine(await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }

        const string Example = """{"object":"account_link","created":1680577733,"expires_at":1680578033,"url":"https://connect.stripe.com/setup/c/acct_1Mt0CORHFI4mz9Rw/TqckGNUHg2mG"}""";
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(Example, Encoding.UTF8, "application/json"),
        };
    }
}
