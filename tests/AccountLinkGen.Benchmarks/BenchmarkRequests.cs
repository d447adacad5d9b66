using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Benchmarks.Generated;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// The one fully populated request every benchmark sends (every parameter but the deprecated <c>collect</c>, which
/// Stripe accepts only without <c>collection_options</c>), as our options and as Stripe.net's.
/// </summary>
internal static class BenchmarkRequests
{
    public static AccountLinkCreateOptions Ours() => new()
    {
        Account = "acct_1Nv0FGQ9RKHgCVdK",
        Type = AccountLinkType.AccountOnboarding,
        CollectionOptions = new AccountLinkCollectionOptions
        {
            Fields = AccountLinkCollectionOptionsFields.EventuallyDue,
            FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include,
        },
        RefreshUrl = "https://example.com/connect/reauth?account=acct_1Nv0FGQ9RKHgCVdK",
        ReturnUrl = "https://example.com/connect/return?account=acct_1Nv0FGQ9RKHgCVdK",
        Expand = new List<string> { "url", "account", "collection_options" },
    };

    /// <summary>The same request for Stripe.net.</summary>
    public static global::Stripe.AccountLinkCreateOptions StripeNet(AccountLinkCreateOptions ours) => new()
    {
        Account = ours.Account,
        Type = ours.Type.Value,
        CollectionOptions = new global::Stripe.AccountLinkCollectionOptionsOptions { Fields = "eventually_due", FutureRequirements = "include" },
        RefreshUrl = ours.RefreshUrl,
        ReturnUrl = ours.ReturnUrl,
        Expand = ours.Expand!.ToList(),
    };
}
