using System;
using System.Threading;

namespace AccountLinkGen;

/// <summary>
/// The process-wide client that services made without one use, as Stripe.net's <c>StripeConfiguration</c> gives
/// it: set <see cref="ApiKey"/> (or <see cref="StripeClient"/>) once at startup, and <c>new CustomerService()</c>
/// sends through it. Thread-safe. Generated services of the Stripe.net compatibility mode have the parameterless
/// constructor that reads it; every mode's services also take a client.
/// </summary>
/// <remarks>
/// Prefer a client from dependency injection (<c>AddStripeServices</c>) or one you pass to each service: a
/// process-wide setting is shared by every caller, a test cannot replace it for itself alone, and a key read from
/// a static is easy to leave unset. This type exists so that code written for Stripe.net runs unchanged.
/// </remarks>
public static class StripeConfiguration
{
    private static readonly object Gate = new();
    private static string? _apiKey;
    private static IStripeClient? _client;
    private static AppInfo? _appInfo;
    private static int _maxNetworkRetries = new StripeClientOptions().MaxRetries;
    private static bool _clientFromApiKey;

    /// <summary>
    /// The secret or restricted API key the default client sends. Setting another key replaces a default client built
    /// from the earlier one (calls already under way finish on the old one, which is not disposed: set the key once,
    /// not per request); setting the same key again changes nothing; a client set through <see cref="StripeClient"/>
    /// is kept.
    /// </summary>
    public static string? ApiKey
    {
        get
        {
            lock (Gate)
            {
                return _apiKey;
            }
        }

        set
        {
            lock (Gate)
            {
                if (string.Equals(value, _apiKey, StringComparison.Ordinal))
                {
                    return;
                }

                _apiKey = value;
                ForgetClientFromApiKey();
            }
        }
    }

    /// <summary>
    /// The application the default client names in its <c>User-Agent</c>, as Stripe.net's
    /// <c>StripeConfiguration.AppInfo</c>; null for none. Setting other info replaces a default client built before
    /// (set it once at startup, not per request: a replaced client is not disposed), setting the same info again
    /// changes nothing, and a client set through <see cref="StripeClient"/> is kept (give that one
    /// <see cref="StripeClientOptions.AppInfo"/>). The info is copied when it is set.
    /// </summary>
    /// <exception cref="ArgumentException">The info has no name, or a character a header cannot hold.</exception>
    public static AppInfo? AppInfo
    {
        get
        {
            lock (Gate)
            {
                return _appInfo;
            }
        }

        set
        {
            value?.EnsureSendable(nameof(AppInfo));
            AppInfo? copy = value is null ? null : new AppInfo { Name = value.Name, Version = value.Version, Url = value.Url, PartnerId = value.PartnerId };
            lock (Gate)
            {
                if (SameInfo(copy, _appInfo))
                {
                    return;
                }

                _appInfo = copy;
                ForgetClientFromApiKey();
            }
        }
    }

    /// <summary>
    /// The client services made without one send through: the one set here, else one built on first use from
    /// <see cref="ApiKey"/> with default settings. Setting null goes back to the one built from the key.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither a client nor an API key is set.</exception>
    public static IStripeClient StripeClient
    {
        get
        {
            // Read on every call of a service made without a client: no lock once a client is there.
            if (Volatile.Read(ref _client) is { } client)
            {
                return client;
            }

            lock (Gate)
            {
                if (_client is { } existing)
                {
                    return existing;
                }

                if (string.IsNullOrEmpty(_apiKey))
                {
                    throw new InvalidOperationException(
                        "No Stripe client is configured: set StripeConfiguration.ApiKey (or StripeConfiguration.StripeClient) before using a "
                        + "service made without a client, or pass a client to the service's constructor.");
                }

                var built = new StripeClient(new StripeClientOptions { ApiKey = _apiKey!, AppInfo = _appInfo, MaxRetries = _maxNetworkRetries });
                Volatile.Write(ref _client, built);
                _clientFromApiKey = true;
                return built;
            }
        }

        set
        {
            lock (Gate)
            {
                Volatile.Write(ref _client, value);
                _clientFromApiKey = false;
            }
        }
    }

    /// <summary>
    /// How many times the default client retries a failed attempt, as Stripe.net's
    /// <c>StripeConfiguration.MaxNetworkRetries</c> (<see cref="StripeClientOptions.MaxRetries"/>, 2 unless set).
    /// Like <see cref="AppInfo"/>, another value replaces a default client built before, and a client set through
    /// <see cref="StripeClient"/> is kept.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static int MaxNetworkRetries
    {
        get
        {
            lock (Gate)
            {
                return _maxNetworkRetries;
            }
        }

        set
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxNetworkRetries), value, "MaxNetworkRetries must not be negative.");
            }

            lock (Gate)
            {
                if (value != _maxNetworkRetries)
                {
                    _maxNetworkRetries = value;
                    ForgetClientFromApiKey();
                }
            }
        }
    }

    private static bool SameInfo(AppInfo? a, AppInfo? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Name == b.Name && a.Version == b.Version && a.Url == b.Url && a.PartnerId == b.PartnerId;

    // Called under the lock: the next read builds a client from the current key and info.
    private static void ForgetClientFromApiKey()
    {
        if (_clientFromApiKey)
        {
            Volatile.Write(ref _client, null);
            _clientFromApiKey = false;
        }
    }
}
