using System;

namespace AccountLinkGen;

/// <summary>Argument and state guards that behave the same on every target framework.</summary>
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

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming <paramref name="instance"/>'s type when <paramref name="disposed"/> is true.</summary>
    public static void IfDisposed(bool disposed, object instance)
    {
        if (disposed)
        {
            ObjectDisposed(instance);
        }
    }

    // Kept out of line so the guards stay small enough to inline.
    private static void ArgumentNull(string paramName) => throw new ArgumentNullException(paramName);

    private static void ObjectDisposed(object instance) => throw new ObjectDisposedException(instance.GetType().FullName);
}
