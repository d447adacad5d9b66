using System;
using System.ComponentModel;

namespace AccountLinkGen;

/// <summary>
/// A parameter name already in Stripe's form encoding, so that <see cref="FormWriter"/> copies it instead of escaping
/// it on every write; generated encoders keep one per parameter in a static field, as System.Text.Json's generated
/// code keeps <c>JsonEncodedText</c> names. It exists for generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FormEncodedText
{
    private readonly EncodedName? _name;

    private FormEncodedText(EncodedName name) => _name = name;

    /// <summary>The encoded name, as it appears between brackets on the wire.</summary>
    /// <exception cref="InvalidOperationException">This is a <c>default</c> instance, not one made by <see cref="Encode(string)"/>.</exception>
    public string Value => Name.Value;

    internal EncodedName Name => _name ?? throw new InvalidOperationException(
        "This FormEncodedText is a default value; make one with FormEncodedText.Encode(name).");

    /// <summary>Escapes <paramref name="name"/> as a form key segment.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static FormEncodedText Encode(string name) =>
        new(new EncodedName(FormWriter.Encode(name ?? throw new ArgumentNullException(nameof(name)))));
}

/// <summary>An encoded name with the two pair starts <see cref="FormWriter"/> writes for it made once.</summary>
internal sealed class EncodedName
{
    public EncodedName(string value)
    {
        Value = value;
        TopPair = value + "=";

        // Nested, the bracket closes before the name's first "[", as Stripe's SDK sends it: "a[b]" is "[a][b]=".
        int bracket = value.IndexOf('[');
        NestedPair = bracket < 0 ? "[" + value + "]=" : "[" + value.Substring(0, bracket) + "]" + value.Substring(bracket) + "=";
    }

    public string Value { get; }

    /// <summary><c>name=</c>: the start of a pair at the top; without the <c>=</c>, the first key segment.</summary>
    public string TopPair { get; }

    /// <summary><c>[name]=</c>: the start of a nested pair; without the <c>=</c>, a nested key segment.</summary>
    public string NestedPair { get; }
}
