using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AccountLinkGen.Analyzers.Tests.Support;
using Xunit;

namespace AccountLinkGen.Analyzers.Tests;

/// <summary>The code the analyzer tests compile against is the generator's real output for the fragment.</summary>
public sealed class GeneratedClientTests
{
    /// <summary>The generator's snapshot tests pin its output; this one checks the analyzer tests see the same files.</summary>
    [Fact]
    public void IsTheCodeTheSnapshotsPin_InTheTestsNamespace()
    {
        string folder = Path.Combine(GeneratedClient.RepositoryRoot, "tests", "AccountLinkGen.Generator.Tests", "Snapshots", "account_links");
        var snapshots = Directory.GetFiles(folder, "*.g.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

        Assert.Equal(snapshots.Keys.Order(StringComparer.Ordinal), GeneratedClient.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
        foreach (var (name, text) in GeneratedClient.Files)
        {
            // The snapshots hold a placeholder where the code names the generator's version.
            string version = typeof(AccountLinkGen.Generator.AccountLinkGenerator).Assembly.GetName().Version!.ToString(3);
            string expected = snapshots[name]
                .Replace("Consumer.Stripe", GeneratedClient.Namespace, StringComparison.Ordinal)
                .Replace("{generator-version}", version, StringComparison.Ordinal);
            Assert.Equal(expected.ReplaceLineEndings(), text.ReplaceLineEndings());
        }
    }

    /// <summary>
    /// The account-link type is an open enum, a struct that takes any string: the hand copy these tests once used
    /// declared a C# enum. Neither a string nor a listed value is a deprecated assignment.
    /// </summary>
    [Fact]
    public Task OpenEnumValues_AreNotReported()
    {
        var test = new AnalyzerVerifier
        {
            TestCode = """
                using Example.Stripe;

                static class Links
                {
                    public static AccountLinkCreateOptions Create(bool update) => new AccountLinkCreateOptions
                    {
                        Account = "acct_1",
                        RefreshUrl = "https://example.com/reauth",
                        ReturnUrl = "https://example.com/return",
                        Type = update ? AccountLinkType.AccountUpdate : "account_onboarding",
                    };

                    public static bool IsKnown(AccountLinkCreateOptions options) => options.Type.IsKnown;
                }
                """,
        };
        return test.RunAsync();
    }
}
