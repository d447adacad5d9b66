namespace AccountLinkGen;

/// <summary>The <c>error</c> object of a Stripe error response.</summary>
public sealed class StripeError
{
    /// <summary>The error category, such as <c>invalid_request_error</c> or <c>card_error</c>.</summary>
    public string? Type { get; init; }

    /// <summary>A short machine-readable code, such as <c>parameter_missing</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The request parameter the error relates to, such as <c>refresh_url</c>.</summary>
    public string? Param { get; init; }

    /// <summary>A human-readable explanation.</summary>
    public string? Message { get; init; }

    /// <summary>A link to the documentation for <see cref="Code"/>.</summary>
    public string? DocUrl { get; init; }

    /// <summary>A link to this request's entry in the Dashboard's request log.</summary>
    public string? RequestLogUrl { get; init; }

    /// <summary>For card errors, the issuer's reason for declining.</summary>
    public string? DeclineCode { get; init; }

    /// <summary>For card errors, the ID of the failed charge, as Stripe.net's <c>StripeError.Charge</c>.</summary>
    public string? Charge { get; init; }

    /// <summary>
    /// For errors of a payment method, its type (<c>card</c>, <c>sepa_debit</c>, …), as Stripe.net's
    /// <c>StripeError.PaymentMethodType</c>.
    /// </summary>
    public string? PaymentMethodType { get; init; }
}
