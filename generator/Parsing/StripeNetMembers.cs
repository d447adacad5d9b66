using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: gives members Stripe.net's types and names where they differ
/// from the generator's own.
/// <list type="bullet">
/// <item>An enum parameter, and a list of them, is a plain string (<c>Mode = "payment"</c>,
/// <c>new List&lt;string&gt; { … }</c>), still checked against the spec's values by <c>Validate()</c> before anything
/// is sent (<see cref="TypeRef.AsString"/>).</item>
/// <item>A response's required fields are read leniently, as Stripe.net reads them
/// (<see cref="ResponsePropertyModel.Lenient"/>): an answer that lacks one is read, with a number, boolean or time at
/// its default (still non-nullable) and anything else null. (The reader counts as required, in this mode, every
/// number, boolean or time the spec does not declare nullable: <c>Account.ChargesEnabled</c> is a <c>bool</c>.)</item>
/// <item>Times are <see cref="DateTime"/>s (<see cref="TypeRef.AsDateTime"/>): UTC in responses, and in options sent as
/// Stripe.net sends them, an unspecified kind taken as UTC.</item>
/// <item>A decimal the spec sends as a string (<c>unit_amount_decimal</c>) is a <c>decimal</c>, sent and read as that
/// string (<see cref="TypeRef.IsDecimal"/>).</item>
/// <item>No options member is a C# <c>required</c> member: Stripe.net code sets parameters after construction
/// (<c>var options = new SessionCreateOptions(); options.Mode = …;</c>), and <c>Validate()</c> still refuses a
/// request that lacks one the spec requires, before anything is sent.</item>
/// <item>An object-or-ID parameter is one <c>AnyOf&lt;string, PlanProductOptions&gt;</c> (<c>Product = "prod_…"</c> or
/// <c>new PlanProductOptions { … }</c>), a time-or-keyword one an <c>AnyOf&lt;DateTime?, string&gt;</c>
/// (<c>TrialEnd = DateTime.UtcNow.AddDays(7)</c> or <c>"now"</c>), and a boolean-or-keyword one an
/// <c>AnyOf&lt;bool?, string&gt;</c> (<c>OffSession = true</c> or <c>"recurring"</c>), as Stripe.net has them
/// (<see cref="TypeRef.AsAnyOf"/>).</item>
/// <item>A list of numbers in options is a list of nullable ones (<c>List&lt;long?&gt;</c>), whose null items
/// <c>Validate()</c> refuses (<see cref="TypeRef.Nullable"/>).</item>
/// <item>An expandable field's ID is <c>CustomerId</c> and its expanded object <c>Customer</c> (the generator's own
/// shape is <c>Customer</c> and <c>ExpandedCustomer</c>).</item>
/// </list>
/// A name that would clash with another member of the class, or with the class itself, is left as the generator made it.
/// </summary>
internal static class StripeNetMembers
{
    public static SpecModel Apply(SpecModel spec) => spec with
    {
        // Without C# required members, an upload's file member is nullable too.
        Operations = spec.Operations
            .Select(o => o.Body.File is { } file ? o with { Body = o.Body with { File = file with { MemberNullable = true } } } : o)
            .ToEquatableArray(),
        OptionsClasses = spec.OptionsClasses
            .Select(o => o with { Properties = o.Properties.Select(p => AnyOf(p with { Type = NullableItems(AsDateTimes(Decimals(AsStrings(p.Type)))), RequiredMember = false })).ToEquatableArray() })
            .ToEquatableArray(),
        Responses = spec.Responses.Select(Response).ToEquatableArray(),
    };

    private static ResponseModel Response(ResponseModel model)
    {
        var taken = new HashSet<string>(model.Properties.Select(p => p.Name), StringComparer.Ordinal)
        {
            Naming.DeclaredName(model.Name),
        };
        taken.UnionWith(model.Properties.Select(p => p.ExpandedName).OfType<string>());
        var properties = new List<ResponsePropertyModel>(model.Properties.Count);
        foreach (ResponsePropertyModel property in model.Properties)
        {
            ResponsePropertyModel read = property with { Lenient = property.Required, Type = Decimals(AsDateTimes(property.Type)) };
            properties.Add(read.ExpandedName is { } expanded ? Expandable(read, expanded, taken) : read);
        }

        return model with { Properties = properties.ToEquatableArray() };
    }

    /// <summary>Names an expandable field as Stripe.net does: <c>CustomerId</c> and <c>Customer</c>.</summary>
    private static ResponsePropertyModel Expandable(ResponsePropertyModel property, string expanded, HashSet<string> taken)
    {
        string id = Naming.StripeNetIdMember(property.WireName, property.Type.Kind == TypeKind.Array);
        if (taken.Contains(id))
        {
            return property;
        }

        taken.Remove(property.Name);
        taken.Remove(expanded);
        taken.Add(id);
        return property with { Name = id, ExpandedName = property.Name };
    }

    /// <summary>An object-or-scalar parameter, or a keyword-or-time or keyword-or-boolean one, as one <c>AnyOf</c> member instead of one per kind.</summary>
    private static PropertyModel AnyOf(PropertyModel property) =>
        property.Type.OrId || ((property.Type.OrTime || property.Type.OrBool) && property.Type.Kind == TypeKind.String)
            ? property with { Type = property.Type with { AsAnyOf = true }, AlternativeName = null }
            : property;

    private static TypeRef AsStrings(TypeRef type) => type with
    {
        AsString = type.Kind is TypeKind.Enum or TypeKind.OpenEnum,
        Item = type.Item is { } item && type.Kind is TypeKind.Array ? AsStrings(item) : type.Item,
    };

    private static TypeRef NullableItems(TypeRef type) =>
        type.Kind == TypeKind.Array && type.Item is { Kind: TypeKind.Integer or TypeKind.Number or TypeKind.Boolean or TypeKind.UnixTime } item
            ? type with { Item = item with { Nullable = true } }
            : type;

    private static TypeRef Decimals(TypeRef type) => type with
    {
        Kind = type.IsDecimal ? TypeKind.Number : type.Kind,
        MaxLength = type.IsDecimal ? 0 : type.MaxLength,
        Item = type.Item is { } item && type.Kind is TypeKind.Array or TypeKind.Map ? Decimals(item) : type.Item,
    };

    private static TypeRef AsDateTimes(TypeRef type) => type with
    {
        AsDateTime = type.Kind == TypeKind.UnixTime,
        Item = type.Item is { } item && type.Kind is TypeKind.Array or TypeKind.Map ? AsDateTimes(item) : type.Item,
    };
}
