using System;

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
    private static bool _clientFromApiKey;

    /// <summary>
    /// The secret or restricted API key the default client sends. Setting it replaces a default client built from
    /// an earlier key (calls already under way finish on the old one); a client set through
    /// <see cref="StripeClient"/> is kept.
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
                _apiKey = value;
                if (_clientFromApiKey)
                {
                    _client = null;
                    _clientFromApiKey = false;
                }
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
            lock (Gate)
            {
                if (_client is null)
                {
                    if (string.IsNullOrEmpty(_apiKey))
                    {
                        throw new InvalidOperationException(
                            "No Stripe client is configured: set StripeConfiguration.ApiKey (or StripeConfiguration.StripeClient) before using a "
                            + "service made without a client, or pass a client to the service's constructor.");
                    }

                    _client = new StripeClient(_apiKey!);
                    _clientFromApiKey = true;
                }

                return _client;
            }
        }

        set
        {
            lock (Gate)
            {
                _client = value;
                _clientFromApiKey = false;
            }
        }
    }
}
