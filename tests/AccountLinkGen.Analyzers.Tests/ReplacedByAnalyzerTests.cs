using System.Threading.Tasks;
using AccountLinkGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AccountLinkGen.Analyzers.Tests;

public sealed class ReplacedByAnalyzerTests
{
    private static async Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public Task Reports_an_assignment_in_an_object_initializer() => VerifyAsync("""
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
            };
        }
        """, Verifier.CollectAssigned(0));

    [Fact]
    public Task Reports_assignments_in_statements_of_any_kind() => VerifyAsync("""
        using Example.Stripe;

        static class Links
        {
            public static void Update(AccountLinkCreateOptions options, AccountLinkCollect? value)
            {
                {|#0:options.Collect|} = value;
                {|#1:options.Collect|} ??= AccountLinkCollect.CurrentlyDue;
            }
        }
        """, [.. Verifier.CollectAssigned(0), .. Verifier.CollectAssigned(1)]);

    [Fact]
    public Task Reports_the_replacement_path_the_attribute_names() => VerifyAsync("""
        using AccountLinkGen;

        enum Mode { On, Off }

        sealed class Settings
        {
            [ReplacedBy("new_mode", "Advanced.Mode")]
            public Mode? OldMode { get; set; }
        }

        static class Use
        {
            public static Settings Create() => new Settings { {|#0:OldMode|} = Mode.On };
        }
        """, new DiagnosticResult(AnalyzerDescriptors.UseReplacement)
            .WithLocation(0)
            .WithMessage("'OldMode' is deprecated; use 'Advanced.Mode' instead"));

    [Fact]
    public Task Does_not_report_reads_or_unmarked_properties() => VerifyAsync("""
        using Example.Stripe;

        static class Links
        {
            public static AccountLinkCollect? Read(AccountLinkCreateOptions options)
            {
                options.CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.CurrentlyDue };
        #pragma warning disable CS0618
                return options.Collect;
        #pragma warning restore CS0618
            }
        }
        """);

    [Fact]
    public Task Does_not_report_an_attribute_of_the_same_simple_name_elsewhere() => VerifyAsync("""
        namespace Other
        {
            [System.AttributeUsage(System.AttributeTargets.Property)]
            sealed class ReplacedByAttribute : System.Attribute
            {
                public ReplacedByAttribute(string parameterPath, string propertyPath) { }
            }

            sealed class Settings
            {
                [ReplacedBy("b", "B")]
                public int A { get; set; }

                public int B { get; set; }
            }

            static class Use
            {
                public static Settings Create() => new Settings { A = 1 };
            }
        }
        """);

    [Fact]
    public void TheDescriptor_ExplainsItself_AndInventsNoHelpLink()
    {
        // Built without a RepositoryUrl, as this test build is: no link rather than an invented address (the
        // package tests pack with one and read it back from the packed analyzer).
        Assert.Equal(string.Empty, AnalyzerDescriptors.UseReplacement.HelpLinkUri);
        Assert.Contains("replacement", AnalyzerDescriptors.UseReplacement.Description.ToString());
    }
}
