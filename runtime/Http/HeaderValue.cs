using System;

namespace AccountLinkGen;

/// <summary>Guards header values against response splitting and request smuggling.</summary>
internal static class HeaderValue
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="header"/> when <paramref name="value"/> holds CR,
    /// LF or NUL. The value itself is never echoed: it may be a secret.
    /// </summary>
    public static void EnsureSafe(string? value, string header, string paramName)
    {
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException(
                $"The {header} header value must not contain CR, LF or NUL characters.", paramName);
        }
    }
}
