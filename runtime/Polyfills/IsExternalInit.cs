// Compiled for netstandard2.0 only (see the project file): newer frameworks define this type.
namespace System.Runtime.CompilerServices;

/// <summary>Lets the compiler emit <c>init</c> accessors on frameworks that lack this marker type.</summary>
internal static class IsExternalInit
{
}
