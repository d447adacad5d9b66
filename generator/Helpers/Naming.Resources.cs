using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>
/// The rules that name resources, services and service methods, as Stripe's SDKs name them. Which rule applies to
/// an operation is decided while parsing (<c>Parsing/OperationNamer.cs</c>); the words are made here.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Classes: <c>x-stripeResource</c>'s <c>class_name</c>, led by its package (<c>in_package: checkout</c> →
/// <c>CheckoutSession</c>) or by the class it is inside (<c>in_class: account</c> → <c>AccountSettingsBranding</c>);
/// without it, <c>x-resourceId</c> spelled as the schema's title spells it (<c>invoiceitem</c> titled
/// <c>InvoiceItem</c>).</item>
/// <item>A resource nested in another's path is named after both, their shared words once:
/// <c>/v1/accounts/{account}/persons</c> → <c>AccountPerson</c>, <c>/v1/application_fees/{id}/refunds</c> of
/// <c>FeeRefund</c> → <c>ApplicationFeeRefund</c>.</item>
/// <item>Verbs: Stripe's <c>method_name</c> (<c>retrieve</c> → <c>Get</c>, <c>del</c> → <c>Delete</c>); by the
/// path, <c>List</c>/<c>Create</c> on a collection, <c>Get</c>/<c>Update</c>/<c>Delete</c> on an item or a
/// singleton, the action's words for an action, and <c>Finalize</c>, <c>Void</c>, <c>Send</c> and <c>Return</c>
/// with their resource (<c>FinalizeInvoice</c>), because those words are keywords or inherited members in one of
/// Stripe's SDK languages and Stripe names them so everywhere.</item>
/// </list>
/// </remarks>
internal static partial class Naming
{
    public const string Get = "Get";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string List = "List";
    public const string Create = "Create";

    // The path's version segment, which names nothing.
    private const string VersionSegment = "v1";

    private const string DeletedPrefix = "deleted_";

    private static readonly HashSet<string> ActionsNamedWithTheirResource = new(StringComparer.Ordinal) { "finalize", "void", "send", "return" };

    /// <summary>The path's version segment (<c>/v1</c>), which names nothing.</summary>
    public static bool IsVersionSegment(string segment) => segment == VersionSegment;

    public static bool IsParameterSegment(string segment) => segment.StartsWith("{", StringComparison.Ordinal);

    /// <summary>The verb of a plain operation on a collection (<c>List</c>, <c>Create</c>) or on one object (<c>Get</c>, <c>Update</c>, <c>Delete</c>).</summary>
    public static string StandardVerb(string httpMethod, bool onCollection) =>
        httpMethod.ToUpperInvariant() switch
        {
            "GET" => onCollection ? List : Get,
            "DELETE" => Delete,
            _ => onCollection ? Create : Update,
        };

    /// <summary>
    /// An action's verb from its path words: <c>mark_uncollectible</c> → <c>MarkUncollectible</c>; the four words
    /// Stripe names with their resource take it (<c>finalize</c> on <c>Invoice</c> → <c>FinalizeInvoice</c>), and
    /// so does an action on a part of one object (<c>shipping/deliver</c> on a <c>Card</c> → <c>DeliverCard</c>).
    /// </summary>
    public static string ActionVerb(IReadOnlyList<string> words, string resource, bool onItem)
    {
        if (words.Count > 1)
        {
            return onItem ? Pascal(words[words.Count - 1]) + resource : Pascal(string.Join("_", words));
        }

        return ActionsNamedWithTheirResource.Contains(words[0]) ? Pascal(words[0]) + resource : Pascal(words[0]);
    }

    /// <summary>The verb that lists a resource's items of a kind: <c>LineItem</c> → <c>ListLineItems</c>.</summary>
    public static string ListVerb(string items) => List + Plural(items);

    /// <summary>Stripe's SDK method name as a verb: <c>finalize_invoice</c> → <c>FinalizeInvoice</c>, <c>retrieve</c> → <c>Get</c>, <c>del</c> → <c>Delete</c>.</summary>
    public static string SdkVerb(string methodName) =>
        methodName switch
        {
            "retrieve" => Get,
            "del" => Delete,
            _ => Pascal(methodName),
        };

    /// <summary>
    /// The verb an options class is named with: the method's verb without the resource it repeats
    /// (<c>FinalizeInvoice</c> on <c>Invoice</c> takes <c>InvoiceFinalizeOptions</c>).
    /// </summary>
    public static string OptionsVerb(string verb, string resource) =>
        verb.Length > resource.Length && resource.Length > 0 && verb.EndsWith(resource, StringComparison.Ordinal)
            ? verb.Substring(0, verb.Length - resource.Length)
            : verb;

    /// <summary>A class named by <c>x-stripeResource</c>: its package leads (<c>checkout</c>, <c>Session</c> → <c>CheckoutSession</c>).</summary>
    public static string SdkClass(string? package, string className) =>
        string.IsNullOrEmpty(package) ? Pascal(className) : Merge(Pascal(package!), Pascal(className));

    /// <summary>
    /// A resource's class from its <c>x-resourceId</c>: the package leads, and the title spells the rest where it
    /// says the same words (<c>invoiceitem</c> titled <c>InvoiceItem</c>); Stripe's titles are often internal names
    /// (<c>GelatoVerificationSession</c>), which are not used.
    /// </summary>
    public static string ClassName(string resourceId, string? title)
    {
        int dot = resourceId.LastIndexOf('.');
        string local = resourceId.Substring(dot + 1);
        string package = dot < 0 ? string.Empty : resourceId.Substring(0, dot);
        string spelled = title is not null && Compact(title) == Compact(local) ? Pascal(title) : Pascal(local);
        return package.Length == 0 ? spelled : Pascal(package) + spelled;
    }

    /// <summary>The live resource a deleted object's <c>x-resourceId</c> stands for (<c>deleted_discount</c> → <c>discount</c>).</summary>
    public static string LiveResourceId(string resourceId) =>
        resourceId.StartsWith(DeletedPrefix, StringComparison.Ordinal) ? resourceId.Substring(DeletedPrefix.Length) : resourceId;

    /// <summary>A collection's word in the singular: <c>account_links</c> → <c>account_link</c>.</summary>
    public static string Singular(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 3) + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 2);
        }

        return word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal)
            ? word.Substring(0, word.Length - 1)
            : word;
    }

    /// <summary>A PascalCase name whose last word is made plural: <c>LineItem</c> → <c>LineItems</c>, <c>Summary</c> → <c>Summaries</c>.</summary>
    public static string Plural(string name)
    {
        if (name.Length > 1 && name.EndsWith("y", StringComparison.Ordinal) && "aeiou".IndexOf(name[name.Length - 2]) < 0)
        {
            return name.Substring(0, name.Length - 1) + "ies";
        }

        return name.EndsWith("s", StringComparison.Ordinal) || name.EndsWith("x", StringComparison.Ordinal)
            || name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal)
            ? name + "es"
            : name + "s";
    }

    /// <summary>
    /// A name inside another, their shared words once: the longest run of words that ends
    /// <paramref name="outer"/> and begins <paramref name="inner"/> is written once (<c>Customer</c> and
    /// <c>CustomerBalanceTransaction</c> → <c>CustomerBalanceTransaction</c>; <c>ApplicationFee</c> and
    /// <c>FeeRefund</c> → <c>ApplicationFeeRefund</c>; <c>Account</c> and <c>Person</c> → <c>AccountPerson</c>).
    /// </summary>
    public static string Merge(string outer, string inner)
    {
        if (outer.Length == 0)
        {
            return inner;
        }

        return outer + string.Concat(InnerWords(outer, inner));
    }

    /// <summary>The words of <paramref name="inner"/> that <see cref="Merge"/> adds to <paramref name="outer"/> (<c>CreditNote</c>, <c>CreditNoteLineItem</c> → <c>LineItem</c>).</summary>
    public static string Relative(string outer, string inner)
    {
        string relative = string.Concat(InnerWords(outer, inner));
        return relative.Length == 0 ? inner : relative;
    }

    /// <summary>
    /// Whether a schema's class and a path's word name one thing: one's letters begin or end the other's, the word
    /// taken as written or in the singular (<c>PaymentSource</c> and <c>sources</c>, <c>LineItem</c> and <c>lines</c>).
    /// </summary>
    public static bool NameOneThing(string className, string pathWord)
    {
        string name = Compact(className);
        foreach (string word in new[] { Compact(pathWord), Compact(Singular(pathWord)) })
        {
            if (word.Length > 0 && (name.StartsWith(word, StringComparison.Ordinal) || name.EndsWith(word, StringComparison.Ordinal)
                || word.StartsWith(name, StringComparison.Ordinal) || word.EndsWith(name, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Of a path's word and the class its schema names (null when it names none), the one that says more about
    /// the same thing: <c>Source</c> and <c>PaymentSource</c> → <c>PaymentSource</c>, <c>LineItem</c> and
    /// <c>Item</c> → <c>LineItem</c>, <c>Invoiceitem</c> and <c>InvoiceItem</c> → <c>InvoiceItem</c>; when they name
    /// different things (<c>People</c>, <c>Person</c>), the path's word, which no other path has.
    /// </summary>
    public static string MoreSpecific(string pathWord, string? className)
    {
        if (className is null)
        {
            return pathWord;
        }

        string word = Compact(pathWord);
        string name = Compact(className);
        if (name.StartsWith(word, StringComparison.Ordinal) || name.EndsWith(word, StringComparison.Ordinal))
        {
            return className;
        }

        return pathWord;
    }

    /// <summary>A name's words: <c>CheckoutSession</c> → <c>Checkout</c>, <c>Session</c>; digits stay with the word before them.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (char c in name)
        {
            if (char.IsUpper(c) && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static IEnumerable<string> InnerWords(string outer, string inner)
    {
        List<string> outerWords = Words(outer);
        List<string> innerWords = Words(inner);
        for (int shared = Math.Min(outerWords.Count, innerWords.Count); shared > 0; shared--)
        {
            if (outerWords.Skip(outerWords.Count - shared).SequenceEqual(innerWords.Take(shared), StringComparer.Ordinal))
            {
                return innerWords.Skip(shared);
            }
        }

        return innerWords;
    }

    private static string Compact(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
