using System.Linq;

namespace AccountLinkGen;

/// <summary>
/// Names the application or plugin that sends requests, as Stripe.net's <c>AppInfo</c> does: it is added to the
/// <c>User-Agent</c> header, where Stripe can see which integration a request came from. Set it on
/// <see cref="StripeClientOptions.AppInfo"/>, or on <see cref="StripeConfiguration.AppInfo"/> for the default client.
/// </summary>
public sealed class AppInfo
{
    /// <summary>The application's name. Required when the info is set.</summary>
    public string? Name { get; set; }

    /// <summary>The application's version, or null.</summary>
    public string? Version { get; set; }

    /// <summary>The application's website, or null.</summary>
    public string? Url { get; set; }

    /// <summary>The Stripe partner ID of a plugin, or null.</summary>
    public string? PartnerId { get; set; }

    /// <summary>
    /// The info as it appears in the <c>User-Agent</c>: <c>Name/Version (Url; PartnerId)</c>, with the parts that are
    /// not set left out.
    /// </summary>
    public override string ToString()
    {
        string text = Version is { Length: > 0 } version ? Name + "/" + version : Name ?? string.Empty;
        string details = string.Join("; ", new[] { Url, PartnerId }.Where(part => !string.IsNullOrEmpty(part)));
        return details.Length > 0 ? text + " (" + details + ")" : text;
    }
}
