namespace AccountLinkGen;

/// <summary>
/// Which of Stripe's hosts an operation is served from: <see cref="StripeClientOptions.BaseAddress"/> or
/// <see cref="StripeClientOptions.FilesBaseAddress"/>. It exists for generated code and is not a supported API.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public enum StripeServer
{
    /// <summary>The API host, <c>https://api.stripe.com/</c> by default.</summary>
    Api,

    /// <summary>The files host, <c>https://files.stripe.com/</c> by default: uploads and downloads such as a quote's PDF.</summary>
    Files,
}
