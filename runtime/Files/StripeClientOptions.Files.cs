using System;

namespace AccountLinkGen;

public sealed partial class StripeClientOptions
{
    /// <summary>
    /// The root of Stripe's files host, <c>https://files.stripe.com/</c> by default: file uploads
    /// (<c>POST /v1/files</c>) and downloads such as a quote's PDF go here instead of <see cref="BaseAddress"/>.
    /// The same rules apply: plain <c>http</c> only for a loopback host.
    /// </summary>
    public Uri FilesBaseAddress { get; set; } = new("https://files.stripe.com/", UriKind.Absolute);
}
