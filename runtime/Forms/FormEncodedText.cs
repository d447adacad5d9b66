using System;

namespace AccountLinkGen;

/// <summary>
/// A parameter name already in Stripe's form encoding, so that <see cref="FormWriter"/> can copy it instead of
/// escaping it on every write. Generated encoders keep one per parameter in a static field, the way
/// System.Text.Json's generated code keeps <c>JsonEncodedText</c> property names.
/// </summary>
/// <remarks>
/// The only way to make one is <see cref="Encode(string)"/>, which escapes the name once; so a name written
/// through this type is on the wire exactly as the <see cref="string"/> overloads would write it.
/// </remarks>
public readonly struct FormEncodedText : IEquatable<FormEncodedText>
{
    private readonly string? _value;

    private FormEncodedText(string value)
    {
        _value = value;
        HasBracket = value.IndexOf('[') >= 0;
    }

    /// <summary>The encoded name, as it appears between brackets on the wire.</summary>
    /// <exception cref="InvalidOperationException">This is a <c>default</c> instance, not one made by <see cref="Encode(string)"/>.</exception>
    public string Value => _value ?? throw new InvalidOperationException(
        "This FormEncodedText is a default value; make one with FormEncodedText.Encode(name).");

    /// <summary>Whether the name holds a <c>[</c>, which makes a nested name carry its own deeper path.</summary>
    internal bool HasBracket { get; }

    /// <summary>Escapes <paramref name="name"/> as a form key segment.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static FormEncodedText Encode(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return new FormEncodedText(FormWriter.Encode(name));
    }

    /// <inheritdoc />
    public bool Equals(FormEncodedText other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FormEncodedText other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The encoded name, or an empty string for a <c>default</c> instance.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Whether both hold the same encoded name.</summary>
    public static bool operator ==(FormEncodedText left, FormEncodedText right) => left.Equals(right);

    /// <summary>Whether the two hold different encoded names.</summary>
    public static bool operator !=(FormEncodedText left, FormEncodedText right) => !left.Equals(right);
}
