using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: gives the options classes' members Stripe.net's types where they
/// differ from the generator's own. So far: an enum parameter, and a list of them, is a plain string
/// (<c>Mode = "payment"</c>, <c>new List&lt;string&gt; { … }</c>), still checked against the spec's values by
/// <c>Validate()</c> before anything is sent (<see cref="TypeRef.AsString"/>). A response's required fields are read
/// leniently, as Stripe.net reads them (<see cref="ResponsePropertyModel.Lenient"/>): an answer that lacks one is
/// read, with a number, boolean or time at its default (still non-nullable) and anything else null.
/// </summary>
internal static class StripeNetMembers
{
    public static SpecModel Apply(SpecModel spec) => spec with
    {
        OptionsClasses = spec.OptionsClasses
            .Select(o => o with { Properties = o.Properties.Select(p => p with { Type = AsStrings(p.Type) }).ToEquatableArray() })
            .ToEquatableArray(),
        Responses = spec.Responses
            .Select(r => r with { Properties = r.Properties.Select(p => p with { Lenient = p.Required }).ToEquatableArray() })
            .ToEquatableArray(),
    };

    private static TypeRef AsStrings(TypeRef type) => type with
    {
        AsString = type.Kind is TypeKind.Enum or TypeKind.OpenEnum,
        Item = type.Item is { } item && type.Kind is TypeKind.Array ? AsStrings(item) : type.Item,
    };
}
