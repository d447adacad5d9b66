using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using AccountLinkGen;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
#if NET
using PrimaryHandler = System.Net.Http.SocketsHttpHandler;
#else
using PrimaryHandler = System.Net.Http.HttpClientHandler;
#endif

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="StripeClient"/> as a typed client of <c>IHttpClientFactory</c>.</summary>
public static class StripeClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StripeClientOptions"/> (configured by <paramref name="configure"/>) and a transient
    /// <see cref="StripeClient"/> whose <see cref="System.Net.Http.HttpClient"/> comes from the factory, so handlers
    /// are pooled and rotated. The client's own per-attempt timeout replaces the factory's 100-second default, and
    /// redirects and cookies are turned off on the primary handler. Retries are logged at Debug and failed calls at
    /// Warning through <c>ILogger&lt;StripeClient&gt;</c> unless <see cref="StripeClientOptions.Observer"/> is set.
    /// <see cref="IStripeClient"/> resolves to the same client, unless something registered it first.
    /// </summary>
    /// <remarks>
    /// Like every typed client the registration is transient: inject <see cref="StripeClient"/> or
    /// <see cref="IStripeClient"/> into services (generated ones take the interface as their constructor parameter)
    /// or resolve it from a scope.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key and any other option.</param>
    /// <returns>The builder of the underlying named client, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddStripeClient(this IServiceCollection services, Action<StripeClientOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<StripeClientOptions>().Configure(configure)
            .PostConfigure<ILoggerFactory>(static (options, loggers) => options.Observer ??= new LoggingStripeClientObserver(loggers.CreateLogger<StripeClient>()));

        // Transient as the typed client is: the interface must not outlive the handler rotation either.
        services.TryAddTransient<IStripeClient>(static provider => provider.GetRequiredService<StripeClient>());
        return services
            .AddHttpClient<StripeClient, StripeClient>(
                static (HttpClient httpClient, IServiceProvider provider) =>
                    new StripeClient(provider.GetRequiredService<IOptions<StripeClientOptions>>().Value, httpClient))
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new PrimaryHandler
            {
                // The API never redirects; following one could only send the request somewhere unexpected.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            });
    }
}
