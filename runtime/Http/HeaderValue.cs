using System;

namespace AccountLinkGen;

/// <summary>
/// Guards header values: against response splitting and request smuggling (CR, LF, NUL), and against characters
/// the HTTP stack cannot send (anything outside printable ASCII), which would otherwise fail every attempt on the
/// network and look like an outage instead of a configuration error.
/// </summary>
internal static class HeaderValue
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="header"/> when <paramref name="value"/> holds a
    /// character outside printable ASCII (<c>U+0020</c> to <c>U+007E</c>): CR, LF, NUL, other control characters, or
    /// any non-ASCII character. The value itself is never echoed: it may be a secret.
    /// </summary>
    public static void EnsureSafe(string? value, string header, string paramName)
    {
        if (value is null)
        {
            return;
        }

        foreach (char c in value)
        {
            if (c < ' ' || c > '~')
            {
                throw new ArgumentException(
                    $"The {header} header value must hold only printable ASCII characters: no CR, LF, NUL, other control or non-ASCII characters (check it for a pasted one).",
                    paramName);
            }
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="value"/> holds CR, LF or NUL, for text that is
    /// escaped on its way out (a request path) and so may hold any other character.
    /// </summary>
    public static void EnsureNoLineBreaks(string value, string what, string paramName)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException($"The {what} must not contain CR, LF or NUL characters.", paramName);
        }
    }
}
