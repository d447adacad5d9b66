using AccountLinkGen.Sample.Stripe;

namespace AccountLinkGen.Sample;

/// <summary>
/// Still sets the deprecated <c>collect</c> parameter, on purpose: the build shows ALG1001 here, and the code fix
/// offered on <c>Collect</c> turns it into <c>CollectionOptions = new AccountLinkCollectionOptions { Fields = … }</c>.
/// </summary>
internal static class DeprecatedCollect
{
    /// <summary>Options written before <c>collection_options</c> existed.</summary>
    public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
    {
        Account = "acct_1Mt0CORHFI4mz9Rw",
        Type = AccountLinkType.AccountOnboarding,
        RefreshUrl = "https://example.com/reauth",
        ReturnUrl = "https://example.com/return",
#pragma warning disable CS0618 // The compiler's obsolete warning would fail the build; ALG1001 names the replacement.
        Collect = AccountLinkCollect.EventuallyDue,
#pragma warning restore CS0618
    };
}
