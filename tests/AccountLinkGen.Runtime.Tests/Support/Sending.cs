using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Support;

/// <summary>Which of the client's two entry points a test goes through: the same loop either way.</summary>
public enum Sending
{
    Async,
    Sync,
}

/// <summary>Sends a described call through either entry point, so that one test covers both.</summary>
public static class SendingExtensions
{
    /// <summary>Both entry points, for a theory.</summary>
    public static TheoryData<Sending> Both => new() { Sending.Async, Sending.Sync };

    /// <summary>
    /// Sends <paramref name="request"/> asynchronously, or synchronously on a thread of its own (so that many blocking
    /// calls at once do not starve the thread pool that the test server also runs on).
    /// </summary>
    public static Task<T> SendAsync<T>(this IStripeClient client, StripeRequest<T> request, RequestOptions? requestOptions, CancellationToken cancellationToken, Sending sending) =>
        sending == Sending.Async
            ? client.SendAsync(request, requestOptions, cancellationToken)
            : Task.Factory.StartNew(() => client.Send(request, requestOptions, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// The client as a generated service sees it: itself, or for <see cref="Sending.Sync"/> one whose every call
    /// goes through the synchronous entry point, so that a service's asynchronous methods exercise the synchronous
    /// loop with the requests the generated code builds.
    /// </summary>
    public static IStripeClient Through(this StripeClient client, Sending sending) =>
        sending == Sending.Async ? client : new SynchronousClient(client);

    private sealed class SynchronousClient(IStripeClient inner) : IStripeClient
    {
        public Task<T> SendAsync<T>(StripeRequest<T> request, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
            inner.SendAsync(request, requestOptions, cancellationToken, Sending.Sync);

        public T Send<T>(StripeRequest<T> request, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
            inner.Send(request, requestOptions, cancellationToken);
    }
}
