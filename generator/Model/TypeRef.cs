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
/// <c>product[name]=…</c>): the property takes the object, a <c>…Id</c> property beside it the string.
/// </param>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null, int MaxLength = 0, bool IsUrl = false, bool Emptyable = false, bool OrId = false);
