using System.Threading.Tasks;
using AccountLinkGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AccountLinkGen.Analyzers.Tests;

/// <summary>Where the code fix must not offer itself: the replacement is set or unknown, or the value is not a member it can map.</summary>
public sealed partial class ReplacedByCodeFixTests
{
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
}
