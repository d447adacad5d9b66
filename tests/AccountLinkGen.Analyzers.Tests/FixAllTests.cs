using System.Threading.Tasks;
using AccountLinkGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AccountLinkGen.Analyzers.Tests;

public sealed class FixAllTests
{
    private const string FirstFile = """
        using Example.Stripe;

        static class Onboarding
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                {|#0:Collect|} = AccountLinkCollect.EventuallyDue,
            };

            public static void Narrow(AccountLinkCreateOptions options)
            {
                {|#1:options.Collect|} = AccountLinkCollect.CurrentlyDue;
            }
        }
        """;

    private const string FirstFileFixed = """
        using Example.Stripe;

        static class Onboarding
        {
            public static AccountLinkCreateOptions Create() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountOnboarding,
                CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.EventuallyDue },
            };

            public static void Narrow(AccountLinkCreateOptions options)
            {
                options.CollectionOptions ??= new AccountLinkCollectionOptions();
                options.CollectionOptions.Fields = AccountLinkCollectionOptionsFields.CurrentlyDue;
            }
        }
        """;

    private const string SecondFile = """
        using Example.Stripe;

        static class Update
        {
            public static AccountLinkCreateOptions Create(AccountLinkCollect fromConfig) => new AccountLinkCreateOptions
            {
                Account = "acct_2",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountUpdate,
                {|#2:Collect|} = AccountLinkCollect.CurrentlyDue,
                CollectionOptions = new AccountLinkCollectionOptions { FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include },
            };

            public static AccountLinkCreateOptions FromConfig(AccountLinkCollect fromConfig) => new AccountLinkCreateOptions
            {
                Account = "acct_3",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountUpdate,
                {|#3:Collect|} = fromConfig,
            };
        }
        """;

    private const string SecondFileFixed = """
        using Example.Stripe;

        static class Update
        {
            public static AccountLinkCreateOptions Create(AccountLinkCollect fromConfig) => new AccountLinkCreateOptions
            {
                Account = "acct_2",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountUpdate,
                CollectionOptions = new AccountLinkCollectionOptions { FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include, Fields = AccountLinkCollectionOptionsFields.CurrentlyDue },
            };

            public static AccountLinkCreateOptions FromConfig(AccountLinkCollect fromConfig) => new AccountLinkCreateOptions
            {
                Account = "acct_3",
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Type = AccountLinkType.AccountUpdate,
                {|#0:Collect|} = fromConfig,
            };
        }
        """;

    [Fact]
    public Task Fixes_every_fixable_assignment_in_a_document()
    {
        var test = Verifier.Create();
        test.TestState.Sources.Add(("Onboarding.cs", FirstFile));
        test.FixedState.Sources.Add(("Onboarding.cs", FirstFileFixed));
        test.TestState.ExpectedDiagnostics.AddRange([.. Verifier.CollectAssigned(0), .. Verifier.CollectAssigned(1)]);
        test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
        test.AddSupportSources();
        return test.RunAsync();
    }

    [Fact]
    public Task Fixes_every_fixable_assignment_in_a_project_and_leaves_the_rest()
    {
        var test = Verifier.Create();
        test.TestState.Sources.Add(("Onboarding.cs", FirstFile));
        test.TestState.Sources.Add(("Update.cs", SecondFile));
        test.FixedState.Sources.Add(("Onboarding.cs", FirstFileFixed));
        test.FixedState.Sources.Add(("Update.cs", SecondFileFixed));
        test.TestState.ExpectedDiagnostics.AddRange(
            [.. Verifier.CollectAssigned(0), .. Verifier.CollectAssigned(1), .. Verifier.CollectAssigned(2), .. Verifier.CollectAssigned(3)]);
        test.FixedState.ExpectedDiagnostics.AddRange(Verifier.CollectAssigned(0));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
        test.AddSupportSources();
        return test.RunAsync();
    }

    [Fact]
    public void Uses_the_batch_fixer() =>
        Assert.Same(WellKnownFixAllProviders.BatchFixer, new CodeFixes.ReplacedByCodeFixProvider().GetFixAllProvider());
}
