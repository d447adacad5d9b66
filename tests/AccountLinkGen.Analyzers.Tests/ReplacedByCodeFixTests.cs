using System.Threading.Tasks;
using AccountLinkGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AccountLinkGen.Analyzers.Tests;

public sealed class ReplacedByCodeFixTests
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

    [Fact]
    public Task Offers_no_fix_when_the_replacement_is_already_set() => Verifier.NoFixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                {|#0:Collect|} = AccountLinkCollect.EventuallyDue,
                CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.CurrentlyDue },
            };
        }
        """, Verifier.CollectAssigned(0));

    [Fact]
    public Task Offers_no_fix_when_the_replacement_object_comes_from_elsewhere() => Verifier.NoFixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create(AccountLinkCollectionOptions shared) => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                CollectionOptions = shared,
                {|#0:Collect|} = AccountLinkCollect.EventuallyDue,
            };
        }
        """, Verifier.CollectAssigned(0));

    [Fact]
    public Task Offers_no_fix_for_a_value_that_is_not_a_constant_member() => Verifier.NoFixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCreateOptions Create(AccountLinkCollect collect) => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                {|#0:Collect|} = collect,
            };

            public static void Update(AccountLinkCreateOptions options, bool eager)
            {
                {|#1:options.Collect|} = eager ? AccountLinkCollect.EventuallyDue : AccountLinkCollect.CurrentlyDue;
            }
        }
        """, [.. Verifier.CollectAssigned(0), .. Verifier.CollectAssigned(1)]);

    [Fact]
    public Task Offers_no_fix_for_a_member_the_replacement_enum_lacks() => Verifier.NoFixAsync("""
        using AccountLinkGen;

        enum LegacyMode { Fast, Safe, Turbo }

        enum Mode { Fast, Safe }

        sealed class Tuning
        {
            public Mode? Mode { get; set; }
        }

        sealed class Settings
        {
            [ReplacedBy("tuning.mode", "Tuning.Mode")]
            public LegacyMode? OldMode { get; set; }

            public Tuning? Tuning { get; set; }
        }

        static class Use
        {
            public static Settings Create() => new Settings { {|#0:OldMode|} = LegacyMode.Turbo };
        }
        """, new DiagnosticResult(AnalyzerDescriptors.UseReplacement).WithLocation(0).WithArguments("OldMode", "Tuning.Mode"));

    [Fact]
    public Task Rewrites_an_assignment_statement_and_keeps_an_existing_replacement_object() => Verifier.FixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static void Configure(AccountLinkCreateOptions options)
            {
                options.CollectionOptions = new AccountLinkCollectionOptions { FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include };

                // Everything up front.
                {|#0:options.Collect|} = AccountLinkCollect.EventuallyDue; // see the onboarding guide
                options.Expand = ["url"];
            }
        }
        """, """
        using Example.Stripe;

        static class Links
        {
            public static void Configure(AccountLinkCreateOptions options)
            {
                options.CollectionOptions = new AccountLinkCollectionOptions { FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include };

                // Everything up front.
                options.CollectionOptions ??= new AccountLinkCollectionOptions();
                options.CollectionOptions.Fields = AccountLinkCollectionOptionsFields.EventuallyDue; // see the onboarding guide
                options.Expand = ["url"];
            }
        }
        """, Verifier.CollectAssigned(0));

    [Fact]
    public Task Rewrites_an_embedded_statement_or_a_computed_receiver_as_one_statement() => Verifier.FixAsync("""
        using Example.Stripe;

        static class Links
        {
            public static void Configure(AccountLinkCreateOptions options, bool eager)
            {
                if (eager)
                    {|#0:options.Collect|} = AccountLinkCollect.EventuallyDue;

                {|#1:Self(options).Collect|} = AccountLinkCollect.CurrentlyDue;
            }

            private static AccountLinkCreateOptions Self(AccountLinkCreateOptions options) => options;
        }
        """, """
        using Example.Stripe;

        static class Links
        {
            public static void Configure(AccountLinkCreateOptions options, bool eager)
            {
                if (eager)
                    (options.CollectionOptions ??= new AccountLinkCollectionOptions()).Fields = AccountLinkCollectionOptionsFields.EventuallyDue;

                (Self(options).CollectionOptions ??= new AccountLinkCollectionOptions()).Fields = AccountLinkCollectionOptionsFields.CurrentlyDue;
            }

            private static AccountLinkCreateOptions Self(AccountLinkCreateOptions options) => options;
        }
        """, [.. Verifier.CollectAssigned(0), .. Verifier.CollectAssigned(1)]);

    [Fact]
    public Task Qualifies_type_names_that_are_not_imported() => Verifier.FixAsync("""
        static class Links
        {
            public static Example.Stripe.AccountLinkCreateOptions Create() => new Example.Stripe.AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = Example.Stripe.AccountLinkType.AccountOnboarding,
                {|#0:Collect|} = Example.Stripe.AccountLinkCollect.EventuallyDue,
            };
        }
        """, """
        static class Links
        {
            public static Example.Stripe.AccountLinkCreateOptions Create() => new Example.Stripe.AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = Example.Stripe.AccountLinkType.AccountOnboarding,
                CollectionOptions = new Example.Stripe.AccountLinkCollectionOptions { Fields = Example.Stripe.AccountLinkCollectionOptionsFields.EventuallyDue },
            };
        }
        """, Verifier.CollectAssigned(0));

    [Fact]
    public Task Follows_any_path_the_attribute_names() => Verifier.FixAsync("""
        using AccountLinkGen;

        enum LegacyMode { Fast, Safe }

        enum Mode { Fast, Safe }

        sealed class Tuning
        {
            public Mode? Mode { get; set; }
        }

        sealed class Advanced
        {
            public Tuning? Tuning { get; set; }

            public int Retries { get; set; }
        }

        sealed class Settings
        {
            [ReplacedBy("advanced.tuning.mode", "Advanced.Tuning.Mode")]
            public LegacyMode? OldMode { get; set; }

            public Advanced? Advanced { get; set; }
        }

        static class Use
        {
            public static Settings Create() => new Settings { Advanced = new Advanced { Retries = 3 }, {|#0:OldMode|} = LegacyMode.Safe };

            public static void Set(Settings settings)
            {
                {|#1:settings.OldMode|} = LegacyMode.Fast;
            }
        }
        """, """
        using AccountLinkGen;

        enum LegacyMode { Fast, Safe }

        enum Mode { Fast, Safe }

        sealed class Tuning
        {
            public Mode? Mode { get; set; }
        }

        sealed class Advanced
        {
            public Tuning? Tuning { get; set; }

            public int Retries { get; set; }
        }

        sealed class Settings
        {
            [ReplacedBy("advanced.tuning.mode", "Advanced.Tuning.Mode")]
            public LegacyMode? OldMode { get; set; }

            public Advanced? Advanced { get; set; }
        }

        static class Use
        {
            public static Settings Create() => new Settings { Advanced = new Advanced { Retries = 3, Tuning = new Tuning { Mode = Mode.Safe } } };

            public static void Set(Settings settings)
            {
                settings.Advanced ??= new Advanced();
                settings.Advanced.Tuning ??= new Tuning();
                settings.Advanced.Tuning.Mode = Mode.Fast;
            }
        }
        """,
        new DiagnosticResult(AnalyzerDescriptors.UseReplacement).WithLocation(0).WithArguments("OldMode", "Advanced.Tuning.Mode"),
        new DiagnosticResult(AnalyzerDescriptors.UseReplacement).WithLocation(1).WithArguments("OldMode", "Advanced.Tuning.Mode"));
}
