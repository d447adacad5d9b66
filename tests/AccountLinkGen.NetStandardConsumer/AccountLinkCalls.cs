using System;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.NetStandardConsumer.Stripe;

namespace AccountLinkGen.NetStandardConsumer;

/// <summary>
/// What the runtime tests call in this netstandard2.0 build. Only strings and numbers cross in and out: the tests
/// load this assembly and the runtime beside it in their own load context, where the runtime's types are not the
/// ones the tests compile against.
/// </summary>
public static class AccountLinkCalls
{
    /// <summary>The form the request sends, encoded by the generated code on the netstandard2.0 runtime.</summary>
    public static string EncodedOptions() => Options().ToFormUrlEncoded();

    /// <summary>
    /// Creates an account link through the generated service and returns what came back, one item per line: the
    /// link's URL, the request id, the number of attempts and the idempotency key. With <paramref name="synchronous"/>,
    /// the service sends through the client's synchronous entry point, which on netstandard2.0 blocks on the
    /// asynchronous send.
    /// </summary>
    public static async Task<string> CreateAsync(string baseAddress, string apiKey, int timeoutMilliseconds, string? stripeAccount, bool synchronous)
    {
        var options = new StripeClientOptions
        {
            ApiKey = apiKey,
            BaseAddress = new Uri(baseAddress, UriKind.Absolute),
            Timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds),
            InitialRetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(2),
        };
        using var client = new StripeClient(options);
        IStripeClient sender = synchronous ? new SynchronousClient(client) : client;
        StripeResponse<AccountLink> response = await new AccountLinkService(sender)
            .CreateWithResponseAsync(Options(), new RequestOptions { StripeAccount = stripeAccount })
            .ConfigureAwait(false);
        return string.Join("\n", response.Value.Url, response.RequestId, response.Attempts, response.IdempotencyKey);
    }

    /// <summary>Sends every call through <see cref="IStripeClient.Send{T}"/>, on a thread of its own.</summary>
    private sealed class SynchronousClient(IStripeClient inner) : IStripeClient
    {
        public Task<T> SendAsync<T>(StripeRequest<T> request, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
            Task.Run(() => inner.Send(request, requestOptions, cancellationToken));

        public T Send<T>(StripeRequest<T> request, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
            inner.Send(request, requestOptions, cancellationToken);
    }

    private static AccountLinkCreateOptions Options() => new()
    {
        Account = "acct_1Nv0FGQ9RKHgCVdK",
        RefreshUrl = "https://example.com/reauth?x=1&y=\u00e9",
        ReturnUrl = "https://example.com/return",
        Type = AccountLinkType.AccountOnboarding,
        CollectionOptions = new AccountLinkCollectionOptions
        {
            Fields = AccountLinkCollectionOptionsFields.EventuallyDue,
            FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include,
        },
        Expand = ["url", "a b", "\u4e2d\U0001F600*~"],
    };
}
