using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AccountLinkGen.Runtime.Tests.Webhooks;

/// <summary>
/// Signs payloads the way Stripe documents it, with <see cref="HMACSHA256"/> directly, never with the code under
/// test: <c>t={timestamp},v1={hex HMAC-SHA256 of "{t}.{payload}" keyed by the secret's UTF-8 bytes}</c>.
/// </summary>
internal static class Signing
{
    public const string Secret = "whsec_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    public static string Signature(string payload, string secret, long timestamp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Unix(timestamp) + "." + payload)));

    public static string Header(string payload, string secret = Secret, long? timestamp = null)
    {
        long t = timestamp ?? Now.ToUnixTimeSeconds();
        return "t=" + Unix(t) + ",v1=" + Signature(payload, secret, t);
    }

    public static string Unix(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>A Stripe event around <paramref name="dataObject"/> (JSON), as Stripe sends one.</summary>
    public static string Event(string type, string dataObject, string? previousAttributes = null, string apiVersion = "2023-09-12") =>
        "{\"id\":\"evt_1NG8Du2eZvKYlo2CUI79vXWy\",\"object\":\"event\",\"api_version\":\"" + apiVersion + "\",\"created\":1686089970,"
        + "\"data\":{\"object\":" + dataObject + (previousAttributes is null ? string.Empty : ",\"previous_attributes\":" + previousAttributes) + "},"
        + "\"livemode\":false,\"pending_webhooks\":2,\"request\":{\"id\":\"req_a1B2c3D4\",\"idempotency_key\":\"9b1f0c3e-5a7d-4e2b-8c6f-1d2e3f4a5b6c\"},"
        + "\"type\":\"" + type + "\"}";
}
