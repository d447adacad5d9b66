using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

/// <summary>
/// Older published specs keep legacy singleton paths (<c>/v1/account</c>, <c>/v1/account/people</c>) beside their
/// twins under the collection's item (<c>/v1/accounts/{account}</c>). The rules name both alike; they must still
/// build: one options type where their parameters are the same, two named by a rule where they differ, and
/// methods that differ by their path parameters.
/// </summary>
public sealed class LegacyPathsTests
{
    private static readonly string SpecText = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "Parsing", "Specs", "legacy_paths.yaml"));

    private static readonly SpecModel Model = ModelBuilder.Parse(SpecText);

    [Theory]
    [InlineData("GetAccount", "GetAccountsAccount")]
    [InlineData("PostAccount", "PostAccountsAccount")]
    public void SameParameters_ShareOneOptionsType(string legacy, string twin)
    {
        Assert.Empty(Model.Diagnostics);
        Assert.NotNull(Operation(twin).OptionsClass);
        Assert.Equal(Operation(twin).OptionsClass, Operation(legacy).OptionsClass);
    }

    [Theory]
    [InlineData("DeleteAccount", "DeleteAccountsAccount", "AccountDeleteOptions")]
    [InlineData("PostAccountPeople", "PostAccountsAccountPeople", null)]
    public void DifferentParameters_TheTwinKeepsTheName_TheLegacyPathTakesItsOwn(string legacy, string twin, string? twinName)
    {
        string twinOptions = Operation(twin).OptionsClass!;
        if (twinName is not null)
        {
            Assert.Equal(twinName, twinOptions);
        }

        Assert.Equal("Own" + twinOptions, Operation(legacy).OptionsClass);

        // Nothing of either is lost: the legacy path's body names the account, the twin's path does.
        Assert.Contains(Options(Operation(legacy).OptionsClass!).Properties, p => p.WireName == "account");
        Assert.DoesNotContain(Options(twinOptions).Properties, p => p.WireName == "account");
    }

    [Theory]
    [InlineData("GetAccount", "GetAccountsAccount")]
    [InlineData("DeleteAccount", "DeleteAccountsAccount")]
    [InlineData("PostAccountPeople", "PostAccountsAccountPeople")]
    public void TheTwins_AreOverloadsThatDifferByTheirPathParameters(string legacy, string twin)
    {
        Assert.Equal(Operation(twin).ServiceName, Operation(legacy).ServiceName);
        Assert.Equal(Operation(twin).MethodName, Operation(legacy).MethodName);
        Assert.Equal(Operation(twin).PathParameters.Count - 1, Operation(legacy).PathParameters.Count);
    }

    [Fact]
    public void TheNames_DoNotDependOnWhichOperationsAFilterKeeps()
    {
        SpecModel legacyOnly = ModelBuilder.Parse(SpecText, filter: "/v1/account,/v1/account/people");

        Assert.Equal(4, legacyOnly.Operations.Count);
        foreach (OperationModel operation in legacyOnly.Operations)
        {
            Assert.Equal(Operation(operation.OperationId).OptionsClass, operation.OptionsClass);
        }
    }

    [Fact]
    public void TheGeneratedServices_CompileWithBothOverloads()
    {
        GeneratorRun run = GeneratorHarness.ForFragment(SpecText).Run();

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        INamedTypeSymbol service = run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountService")!;
        var deletes = service.GetMembers(Operation("DeleteAccount").MethodName).OfType<IMethodSymbol>().ToList();
        Assert.Contains(deletes, m => m.Parameters[0].Type.Name == "OwnAccountDeleteOptions");
        Assert.Contains(deletes, m => m.Parameters[0].Type.SpecialType == SpecialType.System_String && m.Parameters[1].Type.Name == "AccountDeleteOptions");
    }

    private static OperationModel Operation(string operationId) => Model.Operations.Single(o => o.OperationId == operationId);

    private static OptionsClassModel Options(string name) => Model.OptionsClasses.Single(o => o.Name == name);
}
