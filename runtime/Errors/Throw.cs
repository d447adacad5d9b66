using System;

namespace AccountLinkGen;

/// <summary>Argument guards that behave the same on every target framework.</summary>
internal static class Throw
{
    /// <summary>Throws <see cref="ArgumentNullException"/> for <paramref name="paramName"/> when <paramref name="argument"/> is null.</summary>
    public static void IfNull(object? argument, string paramName)
    {
        if (argument is null)
        {
            ArgumentNull(paramName);
        }
    }

    // Kept out of line so the guard stays small enough to inline.
    private static void ArgumentNull(string paramName) => throw new ArgumentNullException(paramName);
}
