using System.Net.Http;

namespace AccountLinkGen;

/// <summary>
/// A <see cref="StripeBody"/> encoded for one logical request: its query string, and the content of each attempt
/// (a message and its content can be sent only once, so every attempt gets new ones over the same bytes).
/// </summary>
internal abstract class RequestContent
{
    /// <summary>The encoded parameters to append to the URL, or empty.</summary>
    public virtual string Query => string.Empty;

    /// <summary>Whether another attempt can send the same bytes again.</summary>
    public virtual bool CanResend => true;

    /// <summary>The content of one attempt, or null for a request without a body.</summary>
    public abstract HttpContent? CreateContent();
}
