using System.Threading.Tasks;
using AccountLinkGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AccountLinkGen.Analyzers.Tests;

/// <summary>The code fix on assignments and statements, on type names it must qualify, and on any path the attribute names.</summary>
public sealed partial class ReplacedByCodeFixTests
{
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
