namespace AccountLinkGen.Generator.Model;

/// <summary>A parameter's or field's type.</summary>
/// <param name="Name">The generated type's name for enums and objects.</param>
/// <param name="Item">The item type of an array, the value type of a map, or the object an expandable field expands to.</param>
/// <param name="MaxLength">The spec's <c>maxLength</c> for strings, 0 when none.</param>
/// <param name="IsUrl">A string the spec declares a URI (<c>format: uri</c> or <c>url</c>): it must be an absolute URI.</param>
/// <param name="Emptyable">
/// Stripe's "emptyable" union (the type or <c>''</c>): sending <c>key=</c> clears the field. Strings do that with an
/// empty value; other types get a <c>Clear…</c> switch.
/// </param>
/// <param name="OrId">
/// Stripe's union of an object and a string that names one (an ID or a token: <c>product</c> as <c>prod_…</c> or as
/// <c>product[name]=…</c>), or of an object and a number that stands for it (a list filter's <c>created</c>, as
/// <c>created=1690000000</c> or <c>created[gte]=…</c>): the property takes the object, a property beside it the
/// scalar (<see cref="Helpers.Naming.AlternativeMember"/>).
/// </param>
/// <param name="IdKind">For <see cref="OrId"/>, the scalar's kind: <see cref="TypeKind.String"/> for an ID or token.</param>
/// <param name="AsString">
/// For an enum, that the member is a plain <c>string</c> (Stripe.net's shape, in its compatibility mode): the
/// encoder sends it as it is, and <c>Validate()</c> checks it against the enum's wire names (a closed set) or only
/// that it is not empty (an open one).
/// </param>
/// <param name="AsDateTime">
/// For a Unix time, that the member is a <see cref="System.DateTime"/> rather than a <c>DateTimeOffset</c>
/// (Stripe.net's shape, in its compatibility mode): UTC when read, an unspecified kind taken as UTC when sent.
/// </param>
/// <param name="IsDecimal">
/// A decimal number the spec sends as a string (<c>format: decimal</c>, such as <c>unit_amount_decimal</c>), noted
/// only for Stripe.net's shape, where it is a <see cref="TypeKind.Number"/> read from that string; the generator's own
/// shape keeps a <c>string</c>.
/// </param>
/// <param name="Nullable">
/// For a number, boolean or time that is a list's item, that it is spelled nullable (<c>List&lt;long?&gt;</c>, Stripe.net's
/// shape for options, in its compatibility mode); <c>Validate()</c> refuses a null item.
/// </param>
/// <param name="OrTime">
/// A string parameter that Stripe also takes as a Unix time (<c>trial_end</c>: a time or <c>now</c>), noted only for
/// Stripe.net's shape; the generator's own shape sends the string it holds.
/// </param>
/// <param name="OrBool">
/// A string parameter that Stripe also takes as a boolean (<c>off_session</c>: <c>true</c>, <c>false</c>,
/// <c>one_off</c> or <c>recurring</c>), noted only for Stripe.net's shape; the generator's own shape sends the string it holds.
/// </param>
/// <param name="AsAnyOf">
/// For an object-or-scalar parameter (<see cref="OrId"/>) or an <see cref="OrTime"/> or <see cref="OrBool"/> string, that one member of the
/// runtime's <c>AnyOf</c> takes either (Stripe.net's shape, in its compatibility mode) instead of a member per kind.
/// </param>
internal sealed record TypeRef(
    TypeKind Kind,
    string? Name = null,
    TypeRef? Item = null,
    int MaxLength = 0,
    bool IsUrl = false,
    bool Emptyable = false,
    bool OrId = false,
    TypeKind IdKind = TypeKind.String,
    bool AsString = false,
    bool AsDateTime = false,
    bool IsDecimal = false,
    bool Nullable = false,
    bool OrTime = false,
    bool AsAnyOf = false,
    bool OrBool = false)
{
    /// <summary>For <see cref="OrId"/>: the scalar alternative's own type.</summary>
    public TypeRef Alternative => new(IdKind, MaxLength: MaxLength);
}
