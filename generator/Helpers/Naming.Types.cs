using System.Collections.Generic;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>Names made from other names: envelopes by their items, unions by their alternatives, members beside members.</summary>
internal static partial class Naming
{
    private const string ValueWord = "Value";

    /// <summary>A search envelope by its items' class: <c>CustomerSearchResult</c>. Stripe titles every one <c>SearchResult</c>.</summary>
    public static string SearchResultClass(string itemClass) => itemClass + "SearchResult";

    /// <summary>A list envelope with more than a page's fields, by its items' class: <c>InvoiceLineItemList</c>.</summary>
    public static string ListClass(string itemClass) => itemClass + "List";

    /// <summary>A union of two or three objects by their classes: <c>CardOrBankAccount</c>.</summary>
    public static string UnionClass(IEnumerable<string> alternatives) => string.Join("Or", alternatives);

    /// <summary>One object of a union that has no class of its own, numbered from 1: <c>PaymentSourceVariant2</c>.</summary>
    public static string UnionVariantClass(string union, int number) => union + "Variant" + Invariant(number);

    /// <summary>An operation's response when its schema names no class: <c>CustomerSearchResponse</c>.</summary>
    public static string OperationResponseClass(string resource, string verb) => resource + verb + "Response";

    /// <summary>The member that holds an expandable field's object beside its ID: <c>ExpandedCustomer</c>.</summary>
    public static string ExpandedMember(string propertyName) => "Expanded" + propertyName;

    /// <summary>
    /// An enum value's member: <see cref="EnumMember"/>, led by <c>Value</c> where it would be its enum's own name
    /// (CS0542), and followed by it where an open enum's own member has the name (<c>Value</c>, <c>IsKnown</c>, …).
    /// </summary>
    public static string EnumValueMember(string wireName, string enumName, bool open)
    {
        string member = EnumMember(wireName, enumName);
        return member == enumName ? ValueWord + member
            : open && OpenEnumMembers.Contains(member) ? member + ValueWord
            : member;
    }

    /// <summary>How a fully qualified name starts (<c>global::Stripe.Checkout.Session</c>).</summary>
    public const string GlobalPrefix = "global::";

    /// <summary>
    /// The name a type is declared with: the last part of a fully qualified name (<c>Session</c> for
    /// <c>global::Stripe.Checkout.Session</c>), else the name itself.
    /// </summary>
    public static string DeclaredName(string typeName) =>
        typeName.StartsWith(GlobalPrefix, System.StringComparison.Ordinal) ? typeName.Substring(typeName.LastIndexOf('.') + 1) : typeName;

    /// <summary>The namespace a fully qualified name places its type in (<c>Stripe.Checkout</c>); null for a plain name.</summary>
    public static string? NamespaceOf(string typeName) =>
        typeName.StartsWith(GlobalPrefix, System.StringComparison.Ordinal)
            ? typeName.Substring(GlobalPrefix.Length, typeName.LastIndexOf('.') - GlobalPrefix.Length)
            : null;
}
