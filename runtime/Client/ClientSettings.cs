using System;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// What a <see cref="StripeClient"/> was configured with, checked once at construction and then read by every call:
/// a mistake in a setting is an <see cref="ArgumentException"/> here, never a network failure on every request.
/// </summary>
internal sealed class ClientSettings
{
    // The SDK stamps every build with its informational version.
    private static readonly string SdkVersion =
        typeof(ClientSettings).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static readonly string SdkUserAgent = "AccountLinkGen/" + SdkVersion;

    /// <summary>Checks and copies <paramref name="options"/>; later changes to them have no effect.</summary>
    /// <exception cref="ArgumentException">A setting is missing or unsafe.</exception>
    public ClientSettings(StripeClientOptions options)
    {
        string apiKey = options.ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("An API key is required.", nameof(options.ApiKey));
        }

        EnsureSafeHeader(apiKey, "Authorization", nameof(options.ApiKey));
        EnsureSafeHeader(options.ApiVersion, "Stripe-Version", nameof(options.ApiVersion));
        BaseAddress = ValidateBaseAddress(options.BaseAddress, nameof(options.BaseAddress));
        FilesBaseAddress = ValidateBaseAddress(options.FilesBaseAddress, nameof(options.FilesBaseAddress));
        RetryPolicy = new RetryPolicy(options);
        UserAgent = BuildUserAgent(options.AppInfo);
        ClientUserAgent = options.AppInfo?.ClientUserAgent(SdkVersion);
        Authorization = "Bearer " + apiKey;
        ApiVersion = options.ApiVersion;
        Timeout = options.Timeout > TimeSpan.Zero || options.Timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? options.Timeout
            : throw new ArgumentOutOfRangeException(nameof(options.Timeout), options.Timeout, "Timeout must be positive or infinite.");
        Delay = options.DelayAsync;
        Redactor = new Redactor(apiKey);
        Observer = options.Observer;
    }

    /// <summary>The <c>User-Agent</c> header value: the SDK and its version, then the application's info if set.</summary>
    public string UserAgent { get; }

    /// <summary>The <c>X-Stripe-Client-User-Agent</c> header value, with the application's info; null when none is set.</summary>
    public string? ClientUserAgent { get; }

    /// <summary>The <c>Authorization</c> header value, <c>Bearer</c> and the key.</summary>
    public string Authorization { get; }

    /// <summary>The client's pinned <c>Stripe-Version</c>, or null to send the request's own.</summary>
    public string? ApiVersion { get; }

    /// <summary>The API host.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The files host.</summary>
    public Uri FilesBaseAddress { get; }

    /// <summary>The limit of one attempt, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>When to retry and how long to wait first.</summary>
    public RetryPolicy RetryPolicy { get; }

    /// <summary>A test's replacement for the wait between attempts, or null for the real wait.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; }

    /// <summary>Masks the key in every text the client produces.</summary>
    public Redactor Redactor { get; }

    /// <summary>Hears about retries and failed calls, or null.</summary>
    public StripeClientObserver? Observer { get; }

    /// <summary>The host that serves <paramref name="server"/>'s operations.</summary>
    public Uri BaseAddressOf(StripeServer server) => server == StripeServer.Files ? FilesBaseAddress : BaseAddress;

    /// <summary>
    /// Refuses a header value with a character outside printable ASCII: against response splitting and request
    /// smuggling (CR, LF, NUL), and against characters the HTTP stack cannot send, which would otherwise fail every
    /// attempt on the network and look like an outage instead of a configuration error. The value itself is never
    /// echoed: it may be a secret.
    /// </summary>
    public static void EnsureSafeHeader(string? value, string header, string paramName)
    {
        if (value is null)
        {
            return;
        }

        foreach (char c in value)
        {
            if (c < ' ' || c > '~')
            {
                throw new ArgumentException(
                    $"The {header} header value must hold only printable ASCII characters: no CR, LF, NUL, other control or non-ASCII characters (check it for a pasted one).",
                    paramName);
            }
        }
    }

    private static string BuildUserAgent(AppInfo? appInfo)
    {
        if (appInfo is null)
        {
            return SdkUserAgent;
        }

        appInfo.EnsureSendable(nameof(StripeClientOptions.AppInfo));
        return SdkUserAgent + " " + appInfo;
    }

    private static Uri ValidateBaseAddress(Uri? baseAddress, string name)
    {
        if (baseAddress is null || !baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException(name + " must be an absolute URI.", name);
        }

        bool https = baseAddress.Scheme == Uri.UriSchemeHttps;
        bool loopbackHttp = baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback;
        if (!https && !loopbackHttp)
        {
            throw new ArgumentException(name + " must use https (plain http is allowed only for a loopback host), so the API key is never sent unencrypted.", name);
        }

        if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment) || !string.IsNullOrEmpty(baseAddress.UserInfo))
        {
            throw new ArgumentException(name + " must not contain a query, fragment or user info.", name);
        }

        return baseAddress;
    }
}
