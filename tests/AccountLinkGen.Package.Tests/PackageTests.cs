using System;
using System.IO;
using System.Linq;
using AccountLinkGen.Package.Tests.Stripe;
using Xunit;

namespace AccountLinkGen.Package.Tests;

/// <summary>
/// Consumers outside the repository that know AccountLinkGen only as packages in a folder feed: the analyzer
/// package must load with its dependencies and generate, and the runtime package must carry the client.
/// </summary>
public sealed partial class PackageTests : IClassFixture<PackageFeedFixture>
{
    private const string ConsumerProgram = """
        using System;
        using Consumer.Stripe;

        var options = new AccountLinkCreateOptions
        {
            Account = "acct_1Mt0CORHFI4mz9Rw",
            Type = AccountLinkType.AccountOnboarding,
            RefreshUrl = "https://example.com/reauth?a=1&b=[x]",
            ReturnUrl = "https://example.com/return",
            CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.EventuallyDue },
            Expand = ["url", "über field"],
        };
        Console.WriteLine(options.ToFormUrlEncoded());

        var invalid = new AccountLinkCreateOptions { Account = "", Type = "", RefreshUrl = "ftp://x", ReturnUrl = "https://example.com/r\n" };
        foreach (var problem in invalid.Validate().Problems)
        {
            Console.WriteLine($"{problem.Param} {problem.Code} {problem.Severity}");
        }

        Console.WriteLine(typeof(AccountLinkService).FullName);
        """;

    /// <summary>Prints each generated service with its async methods (the <c>…WithResponseAsync</c> twins left out);
    /// response models may also end in "Service" (AccountTermsOfService), so only types with async methods count.</summary>
    private const string ServiceLister = """
        using System;
        using System.Linq;
        using System.Reflection;

        var services = typeof(Consumer.Stripe.AccountLinkService).Assembly.GetTypes()
            .Where(t => t.Namespace == "Consumer.Stripe" && t.Name.EndsWith("Service"))
            .Select(t => (t.Name, Methods: t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).Where(n => n.EndsWith("Async") && !n.EndsWith("WithResponseAsync")).OrderBy(n => n).ToList()))
            .Where(t => t.Methods.Count > 0)
            .Select(t => t.Name + "." + string.Join("+", t.Methods))
            .OrderBy(n => n);
        foreach (string service in services)
        {
            Console.WriteLine(service);
        }
        """;

    private readonly PackageFeedFixture _feed;

    public PackageTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void Net10Consumer_GeneratesAndRunsTheClient_FromThePackagesAlone()
    {
        string consumer = _feed.NewConsumer("NetConsumer", Project("net10.0", "Exe", "<AccountLinkGenSpec Include=\"account_links.yaml\" Operations=\"PostAccountLinks\" />"),
            ("Program.cs", ConsumerProgram), ("account_links.yaml", SpecText()));

        string output = DotNet.Succeed(consumer, "run", "--nologo");

        Assert.Equal(Expected(), Lines(output).TakeLast(Expected().Length));
    }

    [Fact]
    public void NetStandard20Library_CompilesTheGeneratedCode_WithPolyfilledRequiredMembers()
    {
        string consumer = _feed.NewConsumer("StandardConsumer", Project("netstandard2.0", "Library", "<AccountLinkGenSpec Include=\"account_links.yaml\" />", "<LangVersion>11</LangVersion>"),
            ("Use.cs", "namespace Consumer; public static class Use { public static string Body(Consumer.Stripe.AccountLinkCreateOptions o) => o.ToFormUrlEncoded(); }"),
            ("account_links.yaml", SpecText()));

        string output = DotNet.Succeed(consumer, "build", "--nologo");

        Assert.Contains("0 Error(s)", output);
    }

    [Fact]
    public void OldLanguageVersion_FailsWithOneALG0008_NotAWallOfErrors()
    {
        string consumer = _feed.NewConsumer("OldLanguage", Project("netstandard2.0", "Library", "<AccountLinkGenSpec Include=\"account_links.yaml\" />", "<LangVersion>10</LangVersion>"),
            ("account_links.yaml", SpecText()));

        var (exitCode, output) = DotNet.Run(consumer, "build", "--nologo");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error ALG0008", output);
        Assert.DoesNotContain("error CS", output);
    }

    [Fact]
    public void MissingSpecItems_FailWithOneALG0007Each_NamingThem()
    {
        string consumer = _feed.NewConsumer("MissingSpec", Project("net10.0", "Library",
            "<AccountLinkGenSpec Include=\"specs/nowhere.yaml\" /><AccountLinkGenSpec Include=\"other/gone.yaml\" />"));

        var (exitCode, output) = DotNet.Run(consumer, "build", "--nologo");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error ALG0007: The AccountLinkGenSpec item 'specs/nowhere.yaml' does not exist", output);
        Assert.Contains("error ALG0007: The AccountLinkGenSpec item 'other/gone.yaml' does not exist", output);
    }

    [SkippableFact]
    public void StripesFullSpec_WithThreeSemicolonSeparatedOperations_GeneratesThoseThree()
    {
        string spec = Path.GetFullPath(Path.Combine(DotNet.RepoRoot(), "..", "shared", "stripe-openapi", "spec3.2023-09-12.yaml"));
        Skip.IfNot(File.Exists(spec), $"Stripe's published spec is not at {spec}; this test runs where the shared folder is present (CI).");
        string consumer = _feed.NewConsumer("FullSpecFiltered", Project("net10.0", "Exe",
                $"<AccountLinkGenSpec Include=\"{spec}\" Operations=\"PostAccountLinks;PostAccountSessions;PostCustomers\" />"),
            ("Program.cs", ServiceLister));

        string output = DotNet.Succeed(consumer, "run", "--nologo");

        Assert.Equal(new[] { "AccountLinkService.CreateAsync", "AccountSessionService.CreateAsync", "CustomerService.CreateAsync" }, Lines(output).TakeLast(3));
    }

    [Fact]
    public void OperationsSeparatedBySemicolons_GenerateEveryNamedOperation()
    {
        // The README's form: ';' is MSBuild's list separator and used to be cut by the compiler's options parser.
        string consumer = _feed.NewConsumer("SeveralOperations", Project("net10.0", "Exe",
                "<AccountLinkGenSpec Include=\"resources.yaml\" Operations=\"PostAccountLinks;PostAccountSessions;PostCustomers\" />"),
            ("Program.cs", ServiceLister),
            ("resources.yaml", ResourcesSpecText()));

        string output = DotNet.Succeed(consumer, "run", "--nologo");

        Assert.Equal(new[] { "AccountLinkService.CreateAsync", "AccountSessionService.CreateAsync", "CustomerService.CreateAsync" }, Lines(output).TakeLast(3));
    }

    [Fact]
    public void OperationsOnSeveralLines_AndUnmatchedEntries_WarnOncePerEntry_NamingEntryAndSpec()
    {
        string consumer = _feed.NewConsumer("UnmatchedOperations", Project("net10.0", "Library",
                """
                <AccountLinkGenSpec Include="resources.yaml">
                  <Operations>
                    PostAccountLinks; PostAcountSessions
                    /v1/customerz/**, GetFilesFile
                  </Operations>
                </AccountLinkGenSpec>
                """,
                "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>"),
            ("Use.cs", "namespace Consumer; public static class Use { public static object[] Services(AccountLinkGen.StripeClient c) => new object[] { new Consumer.Stripe.AccountLinkService(c), new Consumer.Stripe.FileService(c) }; }"),
            ("resources.yaml", ResourcesSpecText()));

        string output = DotNet.Succeed(consumer, "build", "--nologo", "--no-incremental");

        string[] warnings = Lines(output).Where(l => l.Contains("warning ALG")).Distinct().ToArray();
        Assert.Contains(warnings, l => l.Contains("warning ALG0013: The Operations entry 'PostAcountSessions' matches no operation of '") && l.Contains("resources.yaml'"));
        Assert.Contains(warnings, l => l.Contains("warning ALG0013: The Operations entry '/v1/customerz/**' matches no operation of '") && l.Contains("resources.yaml'"));
        Assert.Equal(2, warnings.Count(l => l.Contains("ALG0013")));
        Assert.Equal(2, warnings.Length);
    }

    [Fact]
    public void AHashInAnOperationsEntry_IsReported_AndTheEntriesAfterItAreKept()
    {
        // '#' starts a comment in the options file the compiler reads: cut there, the rest would vanish silently.
        string consumer = _feed.NewConsumer("HashInOperations", Project("net10.0", "Library",
                "<AccountLinkGenSpec Include=\"resources.yaml\" Operations=\"PostAccountLinks;Post#Customers;PostNothing\" />",
                "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>"),
            ("resources.yaml", ResourcesSpecText()));

        var (exitCode, output) = DotNet.Run(consumer, "build", "--nologo", "--no-incremental");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error ALG0006: The 'Operations' metadata of the AccountLinkGenSpec item '", output);
        Assert.Contains("has the invalid value 'Post#Customers'", output);
        Assert.Contains("warning ALG0013: The Operations entry 'PostNothing' matches no operation of '", output);
    }

    [Fact]
    public void TwoSpecsWithOneFileName_InTwoFolders_WithNamespaceMetadata_BuildAndRun()
    {
        string consumer = _feed.NewConsumer("TwoSpecs", Project("net10.0", "Exe",
                """
                <AccountLinkGenSpec Include="live/stripe.yaml" Namespace="Consumer.Stripe.Live" Operations="PostAccountLinks" />
                <AccountLinkGenSpec Include="preview/stripe.yaml" Namespace="Consumer.Stripe.Preview" />
                """,
                "<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>"),
            ("Program.cs", """
                using System;

                var live = new Consumer.Stripe.Live.AccountLinkCreateOptions { Account = "acct_1", RefreshUrl = "https://example.com/r" };
                var preview = new Consumer.Stripe.Preview.CustomerCreateOptions { Email = "a@example.com" };
                Console.WriteLine(live.ToFormUrlEncoded());
                Console.WriteLine(preview.ToFormUrlEncoded());
                Console.WriteLine(typeof(Consumer.Stripe.Preview.FileService).FullName);
                """),
            ("live/stripe.yaml", ResourcesSpecText()),
            ("preview/stripe.yaml", ResourcesSpecText()));

        string output = DotNet.Succeed(consumer, "run", "--nologo");

        Assert.Equal(
            new[] { "account=acct_1&refresh_url=https%3A%2F%2Fexample.com%2Fr", "email=a%40example.com", "Consumer.Stripe.Preview.FileService" },
            Lines(output).TakeLast(3));
        string generated = Directory.GetDirectories(Path.Combine(consumer, "obj"), "AccountLinkGen.Generator.AccountLinkGenerator", SearchOption.AllDirectories).Single();
        Assert.True(File.Exists(Path.Combine(generated, "live.stripe.AccountLinkService.g.cs")));
        Assert.True(File.Exists(Path.Combine(generated, "preview.stripe.AccountLinkService.g.cs")));
    }

    [Fact]
    public void TwoSpecsInOneNamespace_FailWithOneALG0014_NotAWallOfCS0101()
    {
        string consumer = _feed.NewConsumer("TwoSpecsOneNamespace", Project("net10.0", "Library",
                "<AccountLinkGenSpec Include=\"live/stripe.yaml\" /><AccountLinkGenSpec Include=\"preview/stripe.yaml\" />"),
            ("live/stripe.yaml", ResourcesSpecText()),
            ("preview/stripe.yaml", ResourcesSpecText()));

        var (exitCode, output) = DotNet.Run(consumer, "build", "--nologo");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error ALG0014", output);
        Assert.Contains(Path.Combine("live", "stripe.yaml"), output);
        Assert.Contains(Path.Combine("preview", "stripe.yaml"), output);
        Assert.DoesNotContain("error CS", output);
        Assert.DoesNotContain("warning CS8785", output);
    }

    [Fact]
    public void ImplicitUsingsConsumer_OfStripesFileResource_Builds()
    {
        string consumer = _feed.NewConsumer("ImplicitUsings", Project("net10.0", "Exe",
                "<AccountLinkGenSpec Include=\"resources.yaml\" Operations=\"GetFilesFile;PostFileLinks\" />",
                "<ImplicitUsings>enable</ImplicitUsings>"),
            ("Program.cs", """
                using Consumer.Stripe;
                using StripeFile = Consumer.Stripe.File;

                StripeFile file = StripeFile.FromJson("{\"id\":\"file_1\",\"size\":3,\"filename\":\"a.pdf\"}"u8);
                FileLink link = FileLink.FromJson("{\"id\":\"link_1\",\"file\":\"file_1\"}"u8);
                Console.WriteLine($"{file.Filename} {file.Size} {link.File} {System.IO.File.Exists(file.Filename!)}");
                Console.WriteLine(typeof(FileService).FullName);
                """),
            ("resources.yaml", ResourcesSpecText()));

        string output = DotNet.Succeed(consumer, "run", "--nologo");

        Assert.Equal(new[] { "a.pdf 3 file_1 False", "Consumer.Stripe.FileService" }, Lines(output).TakeLast(2));
    }

    /// <summary>What the consumer must print: the same options encoded and validated by this project's own generated code.</summary>
    private static string[] Expected()
    {
        var options = new AccountLinkCreateOptions
        {
            Account = "acct_1Mt0CORHFI4mz9Rw",
            Type = AccountLinkType.AccountOnboarding,
            RefreshUrl = "https://example.com/reauth?a=1&b=[x]",
            ReturnUrl = "https://example.com/return",
            CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.EventuallyDue },
            Expand = ["url", "über field"],
        };
        var invalid = new AccountLinkCreateOptions { Account = "", Type = "", RefreshUrl = "ftp://x", ReturnUrl = "https://example.com/r\n" };
        return new[] { options.ToFormUrlEncoded() }
            .Concat(invalid.Validate().Problems.Select(p => $"{p.Param} {p.Code} {p.Severity}"))
            .Append("Consumer.Stripe.AccountLinkService")
            .ToArray();
    }

    private static string Project(string framework, string outputType, string specItem, string extraProperties = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{framework}</TargetFramework>
            <OutputType>{outputType}</OutputType>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <AccountLinkGenNamespace>Consumer.Stripe</AccountLinkGenNamespace>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="AccountLinkGen" Version="{PackageFeedFixture.Version}" PrivateAssets="all" />
            <PackageReference Include="AccountLinkGen.Runtime" Version="{PackageFeedFixture.Version}" />
            {specItem}
          </ItemGroup>
        </Project>
        """;

    private static string ResourcesSpecText() => File.ReadAllText(Path.Combine(DotNet.RepoRoot(), "tests", "AccountLinkGen.Package.Tests", "Specs", "resources.yaml"));

    private static string SpecText() => File.ReadAllText(Path.Combine(DotNet.RepoRoot(), "spec", "account_links.yaml"));

    private static string[] Lines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
