using System.Threading.Tasks;
using AccountLinkGen.Analyzers.Tests.Support;
using Xunit;

namespace AccountLinkGen.Analyzers.Tests;

/// <summary>The code fix on object initializers: the element moved into the replacement object, new or existing.</summary>
public sealed partial class ReplacedByCodeFixTests
{
    [Fact]
    public Task Rewrites_the_initializer_element_and_keeps_its_comments() => Verifier.FixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                // Onboarding asks for everything up front.
                {|#0:Collect|} = AccountLinkCollect.EventuallyDue, // keep in sync with the dashboard
                Expand = ["url"],
            };
        }
        """, """
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                // Onboarding asks for everything up front.
                CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.EventuallyDue }, // keep in sync with the dashboard
                Expand = ["url"],
            };
        }
        """, Verifier.CollectAssigned(0));

    [Fact]
    public Task Rewrites_a_one_line_initializer() => Verifier.FixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create(string account) =>
                new AccountLinkCreateOptions { Account = account, RefreshUrl = "r", ReturnUrl = "u", Type = AccountLinkType.AccountUpdate, {|#0:Collect|} = AccountLinkCollect.CurrentlyDue };
        }
        """, """
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create(string account) =>
                new AccountLinkCreateOptions { Account = account, RefreshUrl = "r", ReturnUrl = "u", Type = AccountLinkType.AccountUpdate, CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.CurrentlyDue } };
        }
        """, Verifier.CollectAssigned(0));

    [Fact]
    public Task Merges_into_an_existing_multi_line_replacement_initializer() => Verifier.FixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                // Everything up front.
                {|#0:Collect|} = AccountLinkCollect.EventuallyDue,
                CollectionOptions = new AccountLinkCollectionOptions
                {
                    FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include,
                },
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
            };
        }
        """, """
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                // Everything up front.
                CollectionOptions = new AccountLinkCollectionOptions
                {
                    FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include,
                    Fields = AccountLinkCollectionOptionsFields.EventuallyDue,
                },
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
            };
        }
        """, Verifier.CollectAssigned(0));

    [Fact]
    public Task Merges_into_an_existing_one_line_replacement_initializer() => Verifier.FixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                CollectionOptions = new AccountLinkCollectionOptions { FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Omit },
                {|#0:Collect|} = AccountLinkCollect.CurrentlyDue,
            };
        }
        """, """
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                CollectionOptions = new AccountLinkCollectionOptions { FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Omit, Fields = AccountLinkCollectionOptionsFields.CurrentlyDue },
            };
        }
        """, Verifier.CollectAssigned(0));

    [Fact]
    public Task Merges_into_a_replacement_created_without_an_initializer() => Verifier.FixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                CollectionOptions = new AccountLinkCollectionOptions(),
                {|#0:Collect|} = AccountLinkCollect.EventuallyDue
            };
        }
        """, """
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                CollectionOptions = new AccountLinkCollectionOptions() { Fields = AccountLinkCollectionOptionsFields.EventuallyDue }
            };
        }
        """, Verifier.CollectAssigned(0));
}
