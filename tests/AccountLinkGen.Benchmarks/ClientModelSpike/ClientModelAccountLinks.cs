using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Benchmarks.Generated;

namespace AccountLinkGen.Benchmarks.ClientModelSpike;

/// <summary>
/// The spike of issue "one request, one pipeline": the account-link call on System.ClientModel's
/// <see cref="ClientPipeline"/> (the base Microsoft's generated clients use), with Stripe's conventions as pipeline
/// policies: a bearer key, <c>Stripe-Version</c>, one idempotency key per call that every retry reuses (the message
/// is made once per call and resent), and <see cref="StripeRetryPolicy"/>. It exists to be measured beside our own
/// client (<see cref="RuntimeBenchmarks"/>) and is not shipped; the benchmarks README records what it showed.
/// </summary>
public sealed class ClientModelAccountLinks
{
    private static readonly PipelineMessageClassifier Success = PipelineMessageClassifier.Create(stackalloc ushort[] { 200 });

    private readonly ClientPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _apiVersion;

    /// <param name="httpClient">The transport's client; null for System.ClientModel's own shared one.</param>
    public ClientModelAccountLinks(Uri baseAddress, string apiKey, string apiVersion, HttpClient? httpClient = null, int maxRetries = 2)
    {
        var options = new ClientPipelineOptions
        {
            RetryPolicy = new StripeRetryPolicy(maxRetries),
            NetworkTimeout = TimeSpan.FromSeconds(80),
        };
        if (httpClient is not null)
        {
            options.Transport = new HttpClientPipelineTransport(httpClient);
        }

        _pipeline = ClientPipeline.Create(
            options,
            perCallPolicies: ReadOnlySpan<PipelinePolicy>.Empty,
            perTryPolicies: new PipelinePolicy[] { ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(new ApiKeyCredential(apiKey)) },
            beforeTransportPolicies: ReadOnlySpan<PipelinePolicy>.Empty);
        _endpoint = new Uri(baseAddress, "v1/account_links");
        _apiVersion = apiVersion;
    }

    public async Task<AccountLink> CreateAsync(AccountLinkCreateOptions options, CancellationToken cancellationToken = default)
    {
        using PipelineMessage message = CreateMessage(options, cancellationToken);
        await _pipeline.SendAsync(message).ConfigureAwait(false);
        return Read(message);
    }

    public AccountLink Create(AccountLinkCreateOptions options)
    {
        using PipelineMessage message = CreateMessage(options, CancellationToken.None);
        _pipeline.Send(message);
        return Read(message);
    }

    private PipelineMessage CreateMessage(AccountLinkCreateOptions options, CancellationToken cancellationToken)
    {
        options.Validate().ThrowIfInvalid();
        PipelineMessage message = _pipeline.CreateMessage();
        message.ResponseClassifier = Success;
        message.Apply(new System.ClientModel.Primitives.RequestOptions { CancellationToken = cancellationToken });
        PipelineRequest request = message.Request;
        request.Method = "POST";
        request.Uri = _endpoint;
        request.Headers.Set("Stripe-Version", _apiVersion);
        request.Headers.Set("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Set("Content-Type", "application/x-www-form-urlencoded");
        request.Content = BinaryContent.Create(BinaryData.FromString(options.ToFormUrlEncoded()));
        return message;
    }

    private static AccountLink Read(PipelineMessage message)
    {
        PipelineResponse response = message.Response!;
        if (response.IsError)
        {
            throw new ClientResultException(response);
        }

        return AccountLink.FromJson(response.Content.ToMemory().Span);
    }
}
