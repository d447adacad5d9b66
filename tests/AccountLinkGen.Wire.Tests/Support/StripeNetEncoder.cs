using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Wire.Tests.Generated;

namespace AccountLinkGen.Wire.Tests.Support;

/// <summary>
/// Stripe.net's form encoder is internal, so this drives Stripe.net's real <c>AccountLinkService</c>,
/// <c>PriceService</c> and <c>PlanService</c> against a handler that records the request body: the bytes are exactly what Stripe.net would
/// put on the wire.
/// </summary>
/// <remarks>
/// Bodies are keyed by the Idempotency-Key each call sets, so the encoder is safe to share across the threads a
/// property test samples on.
/// </remarks>
public sealed class StripeNetEncoder : IDisposable
{
    private readonly CapturingHandler _handler = new();
    private readonly HttpClient _httpClient;
    private readonly global::Stripe.AccountLinkService _service;
    private readonly global::Stripe.PriceService _prices;
    private readonly global::Stripe.PlanService _plans;
    private readonly global::Stripe.CustomerService _customers;

    public StripeNetEncoder()
    {
        _httpClient = new HttpClient(_handler);
        var client = new global::Stripe.StripeClient(new global::Stripe.StripeClientOptions
        {
            ApiKey = "sk_test_wire",
            HttpClient = new global::Stripe.SystemNetHttpClient(_httpClient),
        });
        _service = new global::Stripe.AccountLinkService(client);
        _prices = new global::Stripe.PriceService(client);
        _plans = new global::Stripe.PlanService(client);
        _customers = new global::Stripe.CustomerService(client);
    }

    /// <summary>The body Stripe.net sends for the Stripe.net equivalent of <paramref name="options"/>.</summary>
    public Task<string> EncodeAsync(AccountLinkCreateOptions options) => EncodeAsync(ToStripeNet(options));

    /// <summary>The body Stripe.net sends for <paramref name="options"/>.</summary>
    public Task<string> EncodeAsync(global::Stripe.AccountLinkCreateOptions options) =>
        CaptureAsync(requestOptions => _service.CreateAsync(options, requestOptions));

    /// <summary>Sends one request through <paramref name="send"/> under a fresh idempotency key and returns its body.</summary>
    private async Task<string> CaptureAsync(Func<global::Stripe.RequestOptions, Task> send)
    {
        string key = Guid.NewGuid().ToString("N");
        await send(new global::Stripe.RequestOptions { IdempotencyKey = key }).ConfigureAwait(false);
        return _handler.Take(key);
    }

    /// <summary>The query string (without <c>?</c>) Stripe.net sends to list customers with <paramref name="options"/>.</summary>
    public Task<string> EncodeQueryAsync(global::Stripe.CustomerListOptions options) =>
        CaptureAsync(requestOptions => _customers.ListAsync(options, requestOptions));

    /// <summary>The query string (without <c>?</c>) Stripe.net sends to search customers with <paramref name="options"/>.</summary>
    public Task<string> EncodeQueryAsync(global::Stripe.CustomerSearchOptions options) =>
        CaptureAsync(requestOptions => _customers.SearchAsync(options, requestOptions));

    /// <summary>The body Stripe.net sends for the Stripe.net equivalent of <paramref name="options"/>.</summary>
    public Task<string> EncodeAsync(PriceCreateOptions options) =>
        CaptureAsync(requestOptions => _prices.CreateAsync(ToStripeNet(options), requestOptions));

    /// <summary>The same parameters as Stripe.net's own options type.</summary>
    public static global::Stripe.PriceCreateOptions ToStripeNet(PriceCreateOptions options) => new()
    {
        Active = options.Active,
        Currency = options.Currency,
        CurrencyOptions = options.CurrencyOptions?.ToDictionary(
            pair => pair.Key,
            pair => new global::Stripe.PriceCurrencyOptionsOptions
            {
                CustomUnitAmount = pair.Value.CustomUnitAmount is { } custom
                    ? new global::Stripe.PriceCurrencyOptionsCustomUnitAmountOptions
                    {
                        Enabled = custom.Enabled,
                        Maximum = custom.Maximum,
                        Minimum = custom.Minimum,
                        Preset = custom.Preset,
                    }
                    : null,
                TaxBehavior = pair.Value.TaxBehavior?.ToWireName(),
                Tiers = pair.Value.Tiers?.Select(tier => new global::Stripe.PriceCurrencyOptionsTierOptions
                {
                    FlatAmount = tier.FlatAmount,
                    FlatAmountDecimal = Decimal(tier.FlatAmountDecimal),
                    UnitAmount = tier.UnitAmount,
                    UnitAmountDecimal = Decimal(tier.UnitAmountDecimal),
                    UpTo = UpTo(tier.UpTo),
                }).ToList(),
                UnitAmount = pair.Value.UnitAmount,
                UnitAmountDecimal = Decimal(pair.Value.UnitAmountDecimal),
            }),
        Expand = options.Expand?.ToList(),
        LookupKey = options.LookupKey,
        Metadata = options.Metadata is null ? null : new Dictionary<string, string>(options.Metadata),
        Nickname = options.Nickname,
        Product = options.Product,
        Recurring = options.Recurring is { } recurring
            ? new global::Stripe.PriceRecurringOptions
            {
                Interval = recurring.Interval.ToWireName(),
                IntervalCount = recurring.IntervalCount,
                UsageType = recurring.UsageType?.ToWireName(),
            }
            : null,
        TaxBehavior = options.TaxBehavior?.ToWireName(),
        Tiers = options.Tiers?.Select(tier => new global::Stripe.PriceTierOptions
        {
            FlatAmount = tier.FlatAmount,
            FlatAmountDecimal = Decimal(tier.FlatAmountDecimal),
            UnitAmount = tier.UnitAmount,
            UnitAmountDecimal = Decimal(tier.UnitAmountDecimal),
            UpTo = UpTo(tier.UpTo),
        }).ToList(),
        UnitAmount = options.UnitAmount,
        UnitAmountDecimal = Decimal(options.UnitAmountDecimal),
    };

    /// <summary>The body Stripe.net sends for the Stripe.net equivalent of <paramref name="options"/>.</summary>
    public Task<string> EncodeAsync(PlanCreateOptions options) =>
        CaptureAsync(requestOptions => _plans.CreateAsync(ToStripeNet(options), requestOptions));

    /// <summary>
    /// The same parameters as Stripe.net's own options type; its <c>AnyOf&lt;string, PlanProductOptions&gt;</c> takes
    /// whichever of <c>ProductId</c> and <c>Product</c> is set (the generator never sets both).
    /// </summary>
    public static global::Stripe.PlanCreateOptions ToStripeNet(PlanCreateOptions options)
    {
        var plan = new global::Stripe.PlanCreateOptions
        {
            Amount = options.Amount,
            Currency = options.Currency,
            Interval = options.Interval.ToWireName(),
            Nickname = options.Nickname,
        };

        // Assigned only when set. Stripe.net's plan metadata is emptyable: assigning null sends "metadata=", which
        // clears it (our fragment's is a plain map). A null converted to AnyOf would be an AnyOf holding null.
        if (options.Metadata is { } metadata)
        {
            plan.Metadata = new Dictionary<string, string>(metadata);
        }

        if (options.ProductId is { } id)
        {
            plan.Product = id;
        }
        else if (options.Product is { } product)
        {
            plan.Product = new global::Stripe.PlanProductOptions
            {
                Active = product.Active,
                Id = product.Id,
                Metadata = product.Metadata is null ? null : new Dictionary<string, string>(product.Metadata),
                Name = product.Name,
                StatementDescriptor = product.StatementDescriptor,
                TaxCode = product.TaxCode,
                UnitLabel = product.UnitLabel,
            };
        }

        return plan;
    }

    private static decimal? Decimal(string? text) =>
        text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static global::Stripe.AnyOf<long?, global::Stripe.PriceTierUpTo> UpTo(string text) =>
        text == "inf" ? global::Stripe.PriceTierUpTo.Inf : long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The same parameters as Stripe.net's own options type.</summary>
    public static global::Stripe.AccountLinkCreateOptions ToStripeNet(AccountLinkCreateOptions options)
    {
#pragma warning disable CS0618 // collect is deprecated, and still has to be encoded the same way.
        AccountLinkCollect? collect = options.Collect;
#pragma warning restore CS0618
        return new global::Stripe.AccountLinkCreateOptions
        {
            Account = options.Account,
            Type = options.Type.Value,
            Collect = collect?.ToWireName(),
            CollectionOptions = options.CollectionOptions is { } collection
                ? new global::Stripe.AccountLinkCollectionOptionsOptions
                {
                    Fields = collection.Fields?.ToWireName(),
                    FutureRequirements = collection.FutureRequirements?.ToWireName(),
                }
                : null,
            RefreshUrl = options.RefreshUrl,
            ReturnUrl = options.ReturnUrl,
            Expand = options.Expand?.ToList(),
        };
    }

    public void Dispose() => _httpClient.Dispose();

    private sealed class CapturingHandler : HttpMessageHandler
    {
        private const string AccountLinkJson =
            "{\"object\":\"account_link\",\"created\":1700000000,\"expires_at\":1700000300,\"url\":\"https://connect.stripe.com/setup/s/x\"}";

        private readonly ConcurrentDictionary<string, string> _bodies = new();

        public string Take(string idempotencyKey) =>
            _bodies.TryRemove(idempotencyKey, out string? body)
                ? body
                : throw new InvalidOperationException("Stripe.net sent no request for this call.");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A GET sends its parameters as the query string, which is what is compared for it.
            string body = request.Method == HttpMethod.Get
                ? request.RequestUri!.Query.TrimStart('?')
                : request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            string key = request.Headers.GetValues("Idempotency-Key").Single();
            _bodies[key] = body;
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(AccountLinkJson, System.Text.Encoding.UTF8, "application/json"),
            };
        }
    }
}
