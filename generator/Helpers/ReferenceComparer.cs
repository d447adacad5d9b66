using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>Compares objects by identity (netstandard2.0 has no <c>ReferenceEqualityComparer</c>).</summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
