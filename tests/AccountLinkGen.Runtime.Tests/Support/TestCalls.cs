using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen.Runtime.Tests.Support;

/// <summary>
/// Hand-written calls, described as generated code describes them: a form body and a JSON reader, under an
/// operation named after the path when the test names none.
/// </summary>
public static class TestCalls
{
    public static StripeRequest<T> Request<T>(StripeOperation operation, string path, IFormEncodable? form, StripeResponseReader<T> read, string? apiVersion) =>
        new(operation, path, apiVersion, StripeBody.Form(form), StripeReader.Json(read));

    public static StripeRequest<T> Request<T>(HttpMethod method, string path, IFormEncodable? form, StripeResponseReader<T> read, string? apiVersion) =>
        Request(new StripeOperation("Test", method, path), path, form, read, apiVersion);

    public static Task<T> SendAsync<T>(
        this StripeClient client,
        HttpMethod method,
        string path,
        IFormEncodable? form,
        StripeResponseReader<T> read,
        string? apiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken,
        Sending sending = Sending.Async) =>
        client.SendAsync(Request(method, path, form, read, apiVersion), requestOptions, cancellationToken, sending);

    public static Task<StripeResponse<T>> SendWithResponseAsync<T>(
        this StripeClient client,
        HttpMethod method,
        string path,
        IFormEncodable? form,
        StripeResponseReader<T> read,
        string? apiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken,
        Sending sending = Sending.Async)
    {
        StripeRequest<T> request = Request(method, path, form, read, apiVersion);
        var withResponse = new StripeRequest<StripeResponse<T>>(request.Operation, path, apiVersion, request.Body, StripeReader.WithResponse(request.Reader));
        return client.SendAsync(withResponse, requestOptions, cancellationToken, sending);
    }

    public static Task<T> SendAsync<T>(
        this StripeClient client,
        StripeOperation operation,
        string path,
        IFormEncodable? form,
        StripeResponseReader<T> read,
        string? apiVersion,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken,
        Sending sending = Sending.Async) =>
        client.SendAsync(Request(operation, path, form, read, apiVersion), requestOptions, cancellationToken, sending);
}
