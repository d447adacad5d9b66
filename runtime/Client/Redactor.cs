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
        string text = Redact(Encoding.UTF8.GetString(body.Slice(0, take).ToArray()))!;
        char[] line = text.ToCharArray(0, Math.Min(text.Length, MaxExcerptChars));
        for (int i = 0; i < line.Length; i++)
        {
            if (char.IsControl(line[i]))
            {
                line[i] = ' ';
            }
        }

        string excerpt = new(line);
        return take < body.Length || line.Length < text.Length ? excerpt + "…" : excerpt;
    }
}
