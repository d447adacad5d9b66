using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace AccountLinkGen;

/// <summary>
/// The wire names of a generated enum's members, in member order, looked up both ways: member index to name
/// (encoding) and name to index (parsing responses, open-enum checks). It exists for generated code and is not a
/// supported API.
/// </summary>
/// <remarks>
/// Generated enums keep their names as data in one of these rather than as <c>switch</c> statements: as fast at run
/// time, and far less for the compiler to bind and lower when a spec has hundreds of enums (Stripe's lists every
/// merchant category and time zone).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EnumWireNames
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _indexes;

    /// <summary>Creates the table for members <c>0 … names.Length - 1</c>.</summary>
    /// <param name="names">Each member's wire name, in member order.</param>
    /// <exception cref="ArgumentException">A name is null or appears twice.</exception>
    public EnumWireNames(params string[] names)
    {
        Throw.IfNull(names, nameof(names));
        _names = (string[])names.Clone();
        _indexes = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < _names.Length; i++)
        {
            if (_names[i] is null)
            {
                throw new ArgumentException($"The wire name of member {i} is null.", nameof(names));
            }

            if (_indexes.ContainsKey(_names[i]))
            {
                throw new ArgumentException($"The wire name '{_names[i]}' appears twice.", nameof(names));
            }

            _indexes.Add(_names[i], i);
        }
    }

    /// <summary>The number of members.</summary>
    public int Count => _names.Length;

    /// <summary>The wire name of the member at <paramref name="index"/>, or null when there is no such member.</summary>
    public string? NameOf(int index) => (uint)index < (uint)_names.Length ? _names[index] : null;

    /// <summary>
    /// The wire names joined by <c>", "</c> for a message, at most <paramref name="max"/> of them followed by how many
    /// there are in all; <c>(none)</c> when there are none.
    /// </summary>
    internal string Describe(int max) =>
        _names.Length == 0 ? "(none)"
        : _names.Length <= max ? string.Join(", ", _names)
        : string.Join(", ", _names, 0, max) + ", … (" + _names.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " in all)";

    /// <summary>
    /// Finds the member whose wire name is <paramref name="name"/> (ordinal, case-sensitive; null finds nothing), or
    /// sets <paramref name="index"/> to 0.
    /// </summary>
    public bool TryFind(string? name, out int index)
    {
        if (name is not null && _indexes.TryGetValue(name, out index))
        {
            return true;
        }

        index = 0;
        return false;
    }
}
