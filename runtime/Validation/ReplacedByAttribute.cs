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
    /// <summary>Creates the attribute from the replacement's two paths.</summary>
    public ReplacedByAttribute(string parameterPath, string propertyPath)
    {
        ParameterPath = parameterPath;
        PropertyPath = propertyPath;
    }

    /// <summary>The replacement's dotted wire path, such as <c>collection_options.fields</c>.</summary>
    public string ParameterPath { get; }

    /// <summary>The replacement's dotted C# property path, such as <c>CollectionOptions.Fields</c>.</summary>
    public string PropertyPath { get; }
}
