using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>What a consumer compiling against the generated code sees.</summary>
public sealed class GeneratedCodeTests
{
    private const string AllButCollect = """
        using Consumer.Stripe;
        namespace Consumer;
        public static class Use
        {
            public static string Build() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                Type = AccountLinkType.AccountOnboarding,
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                CollectionOptions = new AccountLinkCollectionOptions
                {
                    Fields = AccountLinkCollectionOptionsFields.EventuallyDue,
                    FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include,
                },
                Expand = new() { "url" },
            }.ToFormUrlEncoded();
        }
        """;

    [Fact]
    public void GeneratedCode_CompilesWithoutAnyWarning()
    {
        var harness = GeneratorHarness.ForFragment();
        harness.Sources.Add(AllButCollect);

        GeneratorRun run = harness.Run();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void UsingCollect_WarnsCS0618WithTheSpecsOwnWords()
    {
        var harness = GeneratorHarness.ForFragment();
        harness.Sources.Add("""
            using Consumer.Stripe;
            namespace Consumer;
            public static class UseCollect
            {
                public static void Set(AccountLinkCreateOptions options) => options.Collect = AccountLinkCollect.EventuallyDue;
            }
            """);

        Diagnostic warning = Assert.Single(harness.Run().CompileDiagnostics);

        Assert.Equal("CS0618", warning.Id);
        // The spec's words in plain text: a compiler warning shows Markdown's backticks as they are.
        Assert.Contains("The collect parameter is deprecated. Use collection_options instead.", warning.GetMessage());
    }

    [Theory]
    [InlineData("Account")]
    [InlineData("Type")]
    [InlineData("RefreshUrl")]
    [InlineData("ReturnUrl")]
    public void OmittingARequiredMember_FailsWithCS9035(string omitted)
    {
        string[] members =
        {
            "Account = \"acct_1\"",
            "Type = AccountLinkType.AccountUpdate",
            "RefreshUrl = \"https://example.com/r\"",
            "ReturnUrl = \"https://example.com/x\"",
        };
        var harness = GeneratorHarness.ForFragment();
        harness.Sources.Add($$"""
            using Consumer.Stripe;
            namespace Consumer;
            public static class Incomplete
            {
                public static object Build() => new AccountLinkCreateOptions { {{string.Join(", ", members.Where(m => !m.StartsWith(omitted + " ")))}} };
            }
            """);

        Diagnostic error = Assert.Single(harness.Run().CompileDiagnostics);

        Assert.Equal("CS9035", error.Id);
        Assert.Contains(omitted, error.GetMessage());
    }

    [Fact]
    public void WithoutANamespaceProperty_TypesGoToTheDefaultNamespace()
    {
        var harness = new GeneratorHarness();
        harness.AdditionalFiles.Add((GeneratorHarness.SpecFilePath, Repo.SpecText));

        GeneratorRun run = harness.Run();

        Assert.NotNull(run.Output.GetTypeByMetadataName("AccountLinkGen.Generated.AccountLinkCreateOptions"));
    }

    [Fact]
    public void AccessibilityInternal_MakesEveryGeneratedTypeInternal()
    {
        GeneratorRun run = GeneratorHarness.ForFragment().WithProperty("AccountLinkGenAccessibility", "internal").Run();

        var generated = run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Consumer.Stripe")
            .ToList();
        Assert.NotEmpty(generated);

        // Types of the namespace are internal; the classes nested in them that hold wire names are private.
        Assert.All(generated.Where(t => t.ContainingType is null), t => Assert.Equal(Accessibility.Internal, t.DeclaredAccessibility));
        Assert.All(generated.Where(t => t.ContainingType is not null), t => Assert.Equal(Accessibility.Private, t.DeclaredAccessibility));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Theory]
    [InlineData("StripeNet", true)]
    [InlineData("stripenet", true)]
    [InlineData("None", false)]
    [InlineData("", false)]
    public void StripeNetCompatibility_MakesTheRuntimesTypesVisibleWithoutAUsing(string mode, bool visible)
    {
        // Stripe.net code finds StripeList<T> and RequestOptions under 'using Stripe;' alone.
        var harness = GeneratorHarness.ForFragment().WithProperty("AccountLinkGenCompatibility", mode);
        harness.Sources.Add("""
            namespace Consumer.Stripe.Usage
            {
                public static class Uses
                {
                    public static StripeList<AccountLink>? Page;
                    public static RequestOptions Options = new() { IdempotencyKey = "k" };
                }
            }
            """);

        GeneratorRun run = harness.Run();

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(visible, run.Sources.Any(s => s.HintName == "AccountLinkGen.StripeNet.GlobalUsings.g.cs"));
        if (visible)
        {
            Assert.Empty(run.CompileDiagnostics);
        }
        else
        {
            Assert.Contains(run.CompileDiagnostics, d => d.Id == "CS0246" && d.GetMessage().Contains("StripeList<>"));
        }
    }

    [Fact]
    public void StripeNetCompatibility_AddsNothingWithoutTheRuntime()
    {
        var harness = GeneratorHarness.ForFragment().WithProperty("AccountLinkGenCompatibility", "StripeNet");
        harness.ReferenceRuntime = false;

        GeneratorRun run = harness.Run();

        Assert.DoesNotContain(run.Sources, s => s.HintName == "AccountLinkGen.StripeNet.GlobalUsings.g.cs");
    }

    [Fact]
    public void WithoutTheRuntime_OnlyModelsAreGenerated_AndALG0009Says()
    {
        var harness = GeneratorHarness.ForFragment();
        harness.ReferenceRuntime = false;

        GeneratorRun run = harness.Run();

        Assert.Equal("ALG0009", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(".Form.") || s.HintName.Contains("Service"));
        Assert.Contains(run.Sources, s => s.HintName == "account_links.AccountLinkCreateOptions.g.cs");
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void WithoutTheRuntime_AModelLeavesOutItsPages_AndCompiles()
    {
        string spec = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Runtime.Tests", "Specs", "paging.yaml"));
        var harness = GeneratorHarness.ForFragment(spec);
        harness.ReferenceRuntime = false;

        GeneratorRun run = harness.Run();

        Assert.Empty(run.CompileDiagnostics);
        INamedTypeSymbol customer = run.Output.GetTypeByMetadataName("Consumer.Stripe.Customer")!;
        Assert.Contains("Email", customer.MemberNames);
        Assert.DoesNotContain("Subscriptions", customer.MemberNames);
    }

    [Fact]
    public void ParametersNamedLikeGeneratedOrObjectMembers_GetAValueSuffix_AndCompileCleanly()
    {
        string spec = Repo.SpecText.Replace(
            "                refresh_url:\n",
            "                write_form:\n                  type: string\n                validate:\n                  type: string\n                to_string:\n                  type: string\n                get_hash_code:\n                  type: string\n                refresh_url:\n");
        GeneratorRun run = GeneratorHarness.ForFragment(spec).Run();

        INamedTypeSymbol options = run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkCreateOptions")!;
        Assert.All(new[] { "WriteFormValue", "ValidateValue", "ToStringValue", "GetHashCodeValue" }, name => Assert.Single(options.GetMembers(name)));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
    }
}
