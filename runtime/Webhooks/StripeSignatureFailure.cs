namespace AccountLinkGen;

/// <summary>Which check of a webhook's <c>Stripe-Signature</c> header failed (<see cref="StripeSignatureException.Failure"/>).</summary>
public enum StripeSignatureFailure
{
    /// <summary>The request has no <c>Stripe-Signature</c> header, or an empty one.</summary>
    MissingHeader,

    /// <summary>The header has no <c>t=</c> element that is a Unix time in seconds.</summary>
    MissingTimestamp,

    /// <summary>The header has no <c>v1=</c> signature (only <c>v0=</c> or unknown schemes, say).</summary>
    MissingSignature,

    /// <summary>No <c>v1=</c> signature is the HMAC of this payload and timestamp under this secret.</summary>
    NoMatchingSignature,

    /// <summary>A signature matches, but its timestamp is further from now than the tolerance allows (a replay).</summary>
    TimestampOutsideTolerance,
}
