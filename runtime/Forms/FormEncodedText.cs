using System;

namespace AccountLinkGen;

/// <summary>
/// A parameter name already in Stripe's form encoding, so that <see cref="FormWriter"/> can copy it instead of
/// escaping it on every write. Generated encoders keep one per parameter in a static field, the way
/// System.Text.Json's generated code keeps <c>JsonEncodedText</c> property names.
/// </summary>
/// <remarks>
/// The only way to make one is <see cref="Encode(string)"/>, which escapes the name once; so a name written
/// through this type is on the wire exactly as an escaped <see cref="string"/> would be.
/// </remarks>
public readonly struct FormEncodedText : IEquatable<FormEncodedText>
{
    // One reference, so the struct travels in one register; everything the writer needs is made once, here.
    private readonly EncodedName? _name;

    private FormEncodedText(EncodedName name) => _name = name;

    /// <summary>The encoded name, as it appears between brackets on the wire.</summary>
    /// <exception cref="InvalidOperationException">This is a <c>default</c> instance, not one made by <see cref="Encode(string)"/>.</exception>
    public string Value => Name.Value;

    /// <summary>What the writer copies for this name.</summary>
    /// <exception cref="InvalidOperationException">This is a <c>default</c> instance.</exception>
    internal EncodedName Name => _name ?? throw new InvalidOperationException(
        "This FormEncodedText is a default value; make one with FormEncodedText.Encode(name).");

    /// <summary>Escapes <paramref name="name"/> as a form key segment.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static FormEncodedText Encode(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return new FormEncodedText(new EncodedName(FormWriter.Encode(name)));
    }

    /// <inheritdoc />
    public bool Equals(FormEncodedText other) => string.Equals(_name?.Value, other._name?.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FormEncodedText other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name.Value);

    /// <summary>The encoded name, or an empty string for a <c>default</c> instance.</summary>
    public override string ToString() => _name?.Value ?? string.Empty;

    /// <summary>Whether both hold the same encoded name.</summary>
    public static bool operator ==(FormEncodedText left, FormEncodedText right) => left.Equals(right);

    /// <summary>Whether the two hold different encoded names.</summary>
    public static bool operator !=(FormEncodedText left, FormEncodedText right) => !left.Equals(right);
}

/// <summary>
/// An encoded name with the two ways <see cref="FormWriter"/> writes it already laid out: <c>name=</c> at the top
/// and <c>[name]=</c> nested (closed before the name's first <c>[</c>, if it has one, as Stripe's SDK sends it).
/// Both arrays are padded to whole blocks of <see cref="BlockChars"/> chars, so the writer can copy them in whole
/// vector blocks without a tail loop.
/// </summary>
internal sealed class EncodedName
{
    /// <summary>The chars in one copy block (two 16-byte vectors).</summary>
    public const int BlockChars = 16;

    public EncodedName(string value)
    {
        Value = value;
        int bracket = value.IndexOf('[');
        HasBracket = bracket >= 0;
        TopLength = value.Length + 1;
        Top = Padded(TopLength);
        value.AsSpan().CopyTo(Top);
        Top[value.Length] = '=';

        // "[" + the name + "]=", with the "]" before the name's first "[" when it has one: "a[b]" is "[a][b]=".
        NestedLength = value.Length + 3;
        Nested = Padded(NestedLength);
        Nested[0] = '[';
        int close = HasBracket ? bracket : value.Length;
        value.AsSpan(0, close).CopyTo(Nested.AsSpan(1));
        Nested[close + 1] = ']';
        value.AsSpan(close).CopyTo(Nested.AsSpan(close + 2));
        Nested[NestedLength - 1] = '=';
    }

    /// <summary>The encoded name.</summary>
    public string Value { get; }

    /// <summary>Whether the name holds a <c>[</c>.</summary>
    public bool HasBracket { get; }

    /// <summary><c>name=</c>, padded; the writer's key stack takes it without the <c>=</c>.</summary>
    public char[] Top { get; }

    /// <summary>The chars of <see cref="Top"/> that count.</summary>
    public int TopLength { get; }

    /// <summary><c>[name]=</c>, padded; the writer's key stack takes it without the <c>=</c>.</summary>
    public char[] Nested { get; }

    /// <summary>The chars of <see cref="Nested"/> that count.</summary>
    public int NestedLength { get; }

    private static char[] Padded(int length) => new char[(length + BlockChars - 1) / BlockChars * BlockChars];
}
