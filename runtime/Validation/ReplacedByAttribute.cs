using System;
using System.ComponentModel;

namespace AccountLinkGen;

/// <summary>
/// Marks a deprecated generated parameter with the parameter that replaces it, as the spec's
/// <c>x-accountLinkGen-replacedBy</c> says; the AccountLinkGen analyzer reads it to offer a code fix. It exists for
/// generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ReplacedByAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="parameterPath">The replacement's dotted wire path, e.g. <c>collection_options.fields</c>.</param>
    /// <param name="propertyPath">The replacement's dotted C# property path, e.g. <c>CollectionOptions.Fields</c>.</param>
    public ReplacedByAttribute(string parameterPath, string propertyPath)
    {
        ParameterPath = parameterPath;
        PropertyPath = propertyPath;
    }

    /// <summary>The replacement's dotted wire path.</summary>
    public string ParameterPath { get; }

    /// <summary>The replacement's dotted C# property path.</summary>
    public string PropertyPath { get; }
}
