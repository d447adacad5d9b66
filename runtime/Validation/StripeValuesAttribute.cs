using System;
using System.ComponentModel;

namespace AccountLinkGen;

/// <summary>
/// Marks a generated string parameter (or list of them) that holds one of the values the spec lists, as the
/// compatibility mode types enum parameters: the AccountLinkGen analyzer reads it to flag a string constant that is
/// none of them at compile time (ALG1002, or ALG1003 for an open set). <c>Validate()</c> checks the same values when
/// the request is made. It exists for generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class StripeValuesAttribute : Attribute
{
    /// <summary>Creates the attribute from the values the spec lists.</summary>
    /// <param name="closed">Whether only these values are accepted; false for an open set, which may grow.</param>
    /// <param name="values">The values, as they are sent.</param>
    public StripeValuesAttribute(bool closed, params string[] values)
    {
        Closed = closed;
        Values = values ?? Array.Empty<string>();
    }

    /// <summary>Whether only <see cref="Values"/> are accepted.</summary>
    public bool Closed { get; }

    /// <summary>The values the spec lists, as they are sent.</summary>
    public string[] Values { get; }
}
