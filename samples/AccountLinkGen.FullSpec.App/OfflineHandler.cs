using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen.FullSpec.App;

/// <summary>
/// Stands in for the network in a dry run: prints each request's method, URL and form body, and answers with a
/// small example object of the kind Stripe returns for that path, so nothing leaves the machine.
/// </summary>
internal sealed class OfflineHandler : HttpMessageHandler
{
    private const string Customer = """{"id":"cus_dry_run","object":"customer","created":1680577733,"livemode":false,"email":"jenny.rosen@example.com"}""";

    private const string CustomerList = """{"object":"list","url":"/v1/customers","has_more":false,"data":[""" + Customer + "]}";

    private const string Balance = """{"object":"balance","livemode":false,"available":[{"amount":0,"currency":"usd"}],"pending":[{"amount":0,"currency":"usd"}]}""";

    private readonly TextWriter _output;

    public OfflineHandler(TextWriter output) => _output = output;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _output.WriteLine($"> {request.Method} {request.RequestUri}");
        if (request.Content is not null)
        {
            _output.WriteLine($"> {await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        string path = request.RequestUri?.AbsolutePath ?? string.Empty;
        string? body = path switch
        {
            "/v1/customers" when request.Method == HttpMethod.Get => CustomerList,
            "/v1/customers" => Customer,
            "/v1/balance" => Balance,
            _ => null,
        };

        return body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                Content = new StringContent("""{"error":{"type":"invalid_request_error","message":"The dry run answers only the calls this sample makes."}}""", Encoding.UTF8, "application/json"),
            }
            : new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
