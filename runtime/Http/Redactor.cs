using System;
using System.Text;

namespace AccountLinkGen;

/// <summary>
/// Keeps the API key out of every text the client produces. A misbehaving proxy or a test server may echo the
/// Authorization header back in a body, and bodies end up in exception messages and logs.
/// </summary>
internal sealed class Redactor
{
    /// <summary>The longest body excerpt placed in an exception message.</summary>
    public const int MaxExcerptChars = 500;

    private const string Mask = "[REDACTED]";
    private readonly string _secret;

    public Redactor(string secret) => _secret = secret;

    /// <summary>Returns <paramref name="text"/> with every occurrence of the key masked.</summary>
    public string? Redact(string? text) =>
        text is null || _secret.Length == 0 || text.IndexOf(_secret, StringComparison.Ordinal) < 0
            ? text
            : text.Replace(_secret, Mask); // string.Replace(string, string) is ordinal on every framework.

    /// <summary>Returns the same error with every text field redacted.</summary>
    public StripeError Redact(StripeError error) => new()
    {
        Type = Redact(error.Type),
        Code = Redact(error.Code),
        Param = Redact(error.Param),
        Message = Redact(error.Message),
        DocUrl = Redact(error.DocUrl),
        RequestLogUrl = Redact(error.RequestLogUrl),
        DeclineCode = Redact(error.DeclineCode),
    };

    /// <summary>
    /// Decodes the start of a body into at most <see cref="MaxExcerptChars"/> characters on one line, redacted.
    /// </summary>
    public string Excerpt(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return "(empty body)";
        }

        // Decode a little more than needed, so a key straddling the cut is still found and masked.
        int take = Math.Min(body.Length, (MaxExcerptChars + _secret.Length) * 4);
#if NET
        string text = Encoding.UTF8.GetString(body.Slice(0, take));
#else
        string text = Encoding.UTF8.GetString(body.Slice(0, take).ToArray());
#endif
        text = Redact(text)!;
        var line = new StringBuilder(Math.Min(text.Length, MaxExcerptChars + 1));
        foreach (char c in text)
        {
            if (line.Length == MaxExcerptChars)
            {
                break;
            }

            line.Append(char.IsControl(c) ? ' ' : c);
        }

        bool truncated = take < body.Length || line.Length < text.Length;
        if (truncated)
        {
            line.Append('…');
        }

        return line.ToString();
    }
}
