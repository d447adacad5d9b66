using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AccountLinkGen;

/// <summary>
/// Stripe's webhook signature scheme. The <c>Stripe-Signature</c> header holds <c>t=</c>, a Unix time, and one or
/// more <c>v1=</c>, each the lowercase hex HMAC-SHA256 of <c>"{t}.{payload}"</c> keyed by the whole endpoint secret
/// (<c>whsec_…</c>) as UTF-8. While a secret is being rolled Stripe signs with both, so any <c>v1</c> may match;
/// <c>v0</c> and unknown schemes are ignored.
/// </summary>
internal static class WebhookSignature
{
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <exception cref="StripeSignatureException">A check failed.</exception>
    public static void Verify(ReadOnlySpan<byte> utf8Payload, string? header, string secret, TimeSpan tolerance, TimeProvider clock)
    {
        CheckArguments(secret, tolerance);
        if (clock is null)
        {
            throw new ArgumentNullException(nameof(clock));
        }

        if (header is null || header.Trim().Length == 0)
        {
            throw Fail(StripeSignatureFailure.MissingHeader, "The request has no Stripe-Signature header.");
        }

        string? timestamp = null;
        var signatures = new List<string>();
        foreach (string element in header.Split(','))
        {
            int equals = element.IndexOf('=');
            string key = equals < 0 ? string.Empty : element.Substring(0, equals).Trim();
            if (key == "t" && timestamp is null)
            {
                timestamp = element.Substring(equals + 1).Trim();
            }
            else if (key == "v1")
            {
                signatures.Add(element.Substring(equals + 1).Trim());
            }
        }

        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) || seconds > MaxUnixSeconds)
        {
            throw Fail(StripeSignatureFailure.MissingTimestamp, "The Stripe-Signature header has no timestamp (t=) that is a Unix time.");
        }

        if (signatures.Count == 0)
        {
            throw Fail(StripeSignatureFailure.MissingSignature, "The Stripe-Signature header has no v1 signature (other schemes, such as v0, are not checked).");
        }

        // The timestamp is signed as sent, so that the HMAC covers exactly the text Stripe signed.
        byte[] expected = Encoding.ASCII.GetBytes(Hex(Hmac(secret, timestamp, utf8Payload)));
        bool matched = false;
        foreach (string signature in signatures)
        {
            matched |= FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
        }

        if (!matched)
        {
            throw Fail(StripeSignatureFailure.NoMatchingSignature, "No v1 signature in the Stripe-Signature header matches the payload under this endpoint secret.");
        }

        TimeSpan age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > tolerance)
        {
            string offset = Math.Round(age.Duration().TotalSeconds).ToString(CultureInfo.InvariantCulture) + (age < TimeSpan.Zero ? " s ahead of now" : " s old");
            throw Fail(StripeSignatureFailure.TimestampOutsideTolerance, $"The Stripe-Signature header's timestamp is {offset}, outside the tolerance of {tolerance.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
    }

    /// <summary>The header Stripe would send for this payload, secret and time: <c>t={timestamp},v1={signature}</c>.</summary>
    public static string Header(ReadOnlySpan<byte> utf8Payload, string secret, long timestamp)
    {
        CheckArguments(secret, TimeSpan.Zero);
        string text = timestamp.ToString(CultureInfo.InvariantCulture);
        return "t=" + text + ",v1=" + Hex(Hmac(secret, text, utf8Payload));
    }

    private static void CheckArguments(string secret, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret))
        {
            throw new ArgumentException("The webhook endpoint's signing secret (whsec_…) is required.", nameof(secret));
        }

        if (tolerance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance cannot be negative.");
        }
    }

    private static byte[] Hmac(string secret, string timestamp, ReadOnlySpan<byte> utf8Payload)
    {
        byte[] prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        byte[] message = new byte[prefix.Length + utf8Payload.Length];
        prefix.CopyTo(message, 0);
        utf8Payload.CopyTo(message.AsSpan(prefix.Length));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return hmac.ComputeHash(message);
    }

    private static string Hex(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (byte b in bytes)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

#if NETSTANDARD2_0
    // What CryptographicOperations.FixedTimeEquals does on newer frameworks: the time depends on the length only.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining | System.Runtime.CompilerServices.MethodImplOptions.NoOptimization)]
    private static bool FixedTimeEquals(byte[] left, byte[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        int difference = 0;
        for (int i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
#else
    private static bool FixedTimeEquals(byte[] left, byte[] right) => CryptographicOperations.FixedTimeEquals(left, right);
#endif

    private static StripeSignatureException Fail(StripeSignatureFailure failure, string message) => new(failure, message);
}
