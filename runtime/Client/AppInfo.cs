using System;
using System.IO;
using System.Text.Json;

namespace AccountLinkGen;

/// <summary>
/// Names the application or plugin that sends requests, as Stripe.net's <c>AppInfo</c> does: its name, version and
/// URL are added to the <c>User-Agent</c> header, and with the partner ID to <c>X-Stripe-Client-User-Agent</c>, where
/// Stripe attributes requests to a plugin. Set it on <see cref="StripeClientOptions.AppInfo"/>, or on
/// <see cref="StripeConfiguration.AppInfo"/> for the default client.
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

    /// <summary>The info as it appears in the <c>User-Agent</c>: <c>Name/Version (Url)</c>, without the parts not set.</summary>
    public override string ToString()
    {
        string text = Version is { Length: > 0 } version ? Name + "/" + version : Name ?? string.Empty;
        return Url is { Length: > 0 } url ? text + " (" + url + ")" : text;
    }

    /// <summary>Refuses info that cannot be sent: no name, or a character a header cannot hold.</summary>
    /// <exception cref="ArgumentException">It cannot be sent.</exception>
    internal void EnsureSendable(string paramName)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("AppInfo.Name is required when AppInfo is set.", paramName);
        }

        ClientSettings.EnsureSafeHeader(ToString(), "User-Agent", paramName);
    }

    /// <summary>The <c>X-Stripe-Client-User-Agent</c> value: the SDK's version and language, and the application.</summary>
    internal string ClientUserAgent(string sdkVersion)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            // The default encoder escapes everything outside ASCII: the value is a safe header as it is.
            json.WriteStartObject();
            json.WriteString("bindings_version", sdkVersion);
            json.WriteString("lang", ".net");
            json.WriteStartObject("application");
            json.WriteString("name", Name);
            WriteIfSet(json, "version", Version);
            WriteIfSet(json, "url", Url);
            WriteIfSet(json, "partner_id", PartnerId);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }
}
