using System;
using System.Collections.Generic;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>The names Stripe.net gives types where they differ from the generator's own.</summary>
internal static partial class Naming
{
    /// <summary>
    /// The stem of the class for the items of a list parameter, its last word in the singular, as Stripe.net names it:
    /// <c>CreditNoteLines</c> for <c>lines</c> gives <c>CreditNoteLine</c> (so <c>CreditNoteLineOptions</c>);
    /// null when <paramref name="stem"/> does not end with the parameter's words.
    /// </summary>
    public static string? StripeNetItemStem(string stem, string wireName)
    {
        string plural = Pascal(wireName);
        return stem.EndsWith(plural, StringComparison.Ordinal) ? stem.Substring(0, stem.Length - plural.Length) + Pascal(Singular(wireName)) : null;
    }

    /// <summary>
    /// The stem a nested options class was named from: its name without the <c>Options</c> the generator added, or
    /// the whole name where the parameter's own words end with <c>Options</c> (<c>shipping_options</c>).
    /// </summary>
    public static string NestedStem(string optionsClass, string wireName) =>
        Pascal(wireName).EndsWith(OptionsSuffix, StringComparison.Ordinal) || !optionsClass.EndsWith(OptionsSuffix, StringComparison.Ordinal)
            ? optionsClass
            : optionsClass.Substring(0, optionsClass.Length - OptionsSuffix.Length);

    /// <summary>Stripe.net 42's class of event type constants (<c>Events.CustomerCreated</c>), beside <see cref="EventTypesClass"/>.</summary>
    public const string StripeNetEventsClass = "Events";

    /// <summary>Stripe.net's class of webhook helpers (<c>EventUtility.ConstructEvent</c>).</summary>
    public const string StripeNetEventUtilityClass = "EventUtility";

    /// <summary>The schema of Stripe's event resource, whose model the webhook helpers return.</summary>
    public const string EventResource = "Event";

    /// <summary>
    /// The property that holds an expandable field's ID in Stripe.net's shape, beside the expanded object under the
    /// field's own name: <c>customer</c> gives <c>CustomerId</c>, the list <c>discounts</c> gives <c>DiscountIds</c>.
    /// </summary>
    public static string StripeNetIdMember(string wireName, bool list) =>
        list ? Pascal(Singular(wireName)) + "Ids" : Pascal(wireName) + "Id";

    /// <summary>
    /// The actions named with their resource (<c>FinalizeInvoice</c>) whose options classes Stripe.net wrote by hand
    /// before its generator named such classes with the whole method (<c>CardDeliverCardOptions</c>), and so keep
    /// the bare verb: <c>InvoiceFinalizeOptions</c>, <c>InvoiceVoidOptions</c>, <c>InvoiceSendOptions</c>,
    /// <c>QuoteFinalizeOptions</c>, <c>CreditNoteVoidOptions</c>.
    /// </summary>
    public static readonly IReadOnlyCollection<string> StripeNetHandWrittenActionOptions = new HashSet<string>(StringComparer.Ordinal) { "finalize", "void", "send" };

    /// <summary>
    /// The actions whose options Stripe.net names by hand with the action's word first, then the resource
    /// (<c>UpcomingInvoiceOptions</c>, <c>UpcomingInvoiceListLineItemsOptions</c>), where its generator would put
    /// the resource first as for every other action (<c>CreditNotePreviewOptions</c> for the same shape of call).
    /// </summary>
    public static readonly IReadOnlyCollection<string> StripeNetVerbFirstActions = new HashSet<string>(StringComparer.Ordinal) { "Upcoming" };

    /// <summary>The property Stripe.net gives a resource that can come back deleted (<c>customer.Deleted == true</c>).</summary>
    public const string DeletedMember = "Deleted";

    /// <summary>
    /// Whether an operation's description names it a cancellation (<c>Cancels a customer's subscription …</c>), which
    /// Stripe.net's method name says (<c>Cancel</c>) where the HTTP method's word would say <c>Delete</c>.
    /// </summary>
    public static bool DescribedAsCancel(string? description) =>
        description is not null && System.Text.RegularExpressions.Regex.IsMatch(description, @"^\W*(<p>)?\s*Cancels\b");

    /// <summary>
    /// The options classes Stripe.net shares by hand across operations, where the spec repeats one shape under many
    /// parameters; each is the class of every parameter of exactly its wire names, with Stripe.net's member names.
    /// The mode's one table of class names (beside two word lists, <see cref="StripeNetHandWrittenActionOptions"/> and
    /// <see cref="StripeNetVerbFirstActions"/>): Stripe.net's own is handwritten for these, not generated.
    /// </summary>
    public static readonly SharedOptionsClass[] StripeNetSharedOptions =
    {
        new("AddressOptions", new[] { Member("city"), Member("country"), Member("line1"), Member("line2"), Member("postal_code"), Member("state") }),
        new("AddressJapanOptions", new[] { Member("city"), Member("country"), Member("line1"), Member("line2"), Member("postal_code"), Member("state"), Member("town") }),
        new(
            "DateRangeOptions",
            new[] { new Model.NestedMember("gt", "GreaterThan"), new Model.NestedMember("gte", "GreaterThanOrEqual"), new Model.NestedMember("lt", "LessThan"), new Model.NestedMember("lte", "LessThanOrEqual") },
            Times: true),
    };

    /// <summary>
    /// Whether a parameter's name says it holds a time: <c>created</c>, <c>…_at</c>, <c>…_date</c>,
    /// <c>current_period_start</c>; a range of such is a <c>DateRangeOptions</c> in Stripe.net, a range of amounts is not.
    /// </summary>
    public static bool IsTimeParameter(string wireName) =>
        wireName == "created"
        || wireName.EndsWith("_at", StringComparison.Ordinal)
        || wireName.EndsWith("_date", StringComparison.Ordinal)
        || wireName.EndsWith("_start", StringComparison.Ordinal)
        || wireName.EndsWith("_end", StringComparison.Ordinal);

    /// <summary>A nested options class's name from its stem: Stripe.net always adds <c>Options</c> (<c>PriceCurrencyOptionsOptions</c>).</summary>
    public static string StripeNetNestedOptions(string stem) => stem + OptionsSuffix;

    private static Model.NestedMember Member(string wireName) => new(wireName, Pascal(wireName));
}

/// <summary>One options class Stripe.net shares by hand (<see cref="Naming.StripeNetSharedOptions"/>).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Members">Its members, in order: every options class of exactly these wire names becomes it.</param>
/// <param name="Times">Whether its members are times (a range of <c>created</c>), which the spec gives as integers.</param>
internal sealed record SharedOptionsClass(string Name, Model.NestedMember[] Members, bool Times = false);
