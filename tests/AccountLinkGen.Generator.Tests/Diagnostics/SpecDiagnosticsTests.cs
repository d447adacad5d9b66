using System;
using System.Linq;
using System.Threading.Tasks;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Diagnostics;

/// <summary>Every spec problem becomes an ALG diagnostic at the spec's line and column, never an exception.</summary>
public sealed class SpecDiagnosticsTests
{
    private const string Path = "/repo/spec/broken.yaml";

    private const string Header = """
        openapi: 3.0.0
        info:
          title: t
          version: '1'
        paths:

        """;

    private const string Responses = """
              responses:
                '200':
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/thing'
                  description: ok

        """;

    private const string Components = """
        components:
          schemas:
            thing:
              properties:
                id:
                  type: string
              type: object
              x-resourceId: thing

        """;

    private static string Operation(string path, string body) =>
        $"  {path}:\n    post:\n      operationId: Post{path.Length}\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema:\n              properties:\n{body}              type: object\n" + Responses;

    [Fact]
    public async Task Swagger2_IsALG0001_AtTheSwaggerField()
    {
        var test = new GeneratorTest(Path, "swagger: '2.0'\ninfo:\n  title: t\n  version: '1'\npaths: {}\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0001", DiagnosticSeverity.Error).WithSpan(Path, 1, 1, 1, 8).WithArguments(Path, "it is a Swagger 2.0 document"));
        await test.RunAsync();
    }

    [Fact]
    public async Task YamlSyntaxError_IsALG0002_AtTheReadersLineAndColumn()
    {
        var test = new GeneratorTest(Path, "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /v1/x:\n    post: [unclosed\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0002", DiagnosticSeverity.Error).WithSpan(Path, 8, 1, 8, 1)
            .WithArguments("While parsing a flow sequence, did not find expected ',' or ']'"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("/repo/spec/broken.yaml", "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /v1/x:\n    post: [unclosed\n", 7, 0)]
    [InlineData("/repo/spec/broken.yaml", "openapi: 3.0.0\ninfo:\n\ttitle: t\n", 2, 0)]
    [InlineData("/repo/spec/broken.json", "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {\n", 3, 0)]
    public void SyntaxErrorMessage_HasNoReaderPosition_OnlyTheLocation(string path, string text, int line, int column)
    {
        // The reader counts from 0 and the IDE from 1: a position in the text would contradict the location.
        Diagnostic diagnostic = Assert.Single(RunExplicit(path, text).GeneratorDiagnostics);

        Assert.Equal("ALG0002", diagnostic.Id);
        Assert.DoesNotMatch(@"Lin|Col|Chr|\d", diagnostic.GetMessage());
        Assert.Matches(@"^The spec cannot be read: [A-Z][^()]*[^.]\. Fix the YAML or JSON syntax here\.$", diagnostic.GetMessage());
        Assert.Equal((path, line, column), (diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Theory]
    [InlineData("/repo/spec/notes.yaml", "name: x\nitems: [1, 2]\n")]
    [InlineData("/repo/spec/settings.json", "{\n  \"name\": \"x\",\n  \"items\": [1, 2]\n}\n")]
    [InlineData("/repo/spec/scalar.yaml", "just some text\n")]
    public void WellFormedFileWithoutOpenApiField_IsALG0001_AtTheFileStart(string path, string text)
    {
        Diagnostic diagnostic = Assert.Single(RunExplicit(path, text).GeneratorDiagnostics);

        Assert.Equal("ALG0001", diagnostic.Id);
        Assert.Equal($"'{path}' is not an OpenAPI 3 document: it has no 'openapi' field. Give the file a top-level 'openapi: 3.0.x' field, or remove it from AccountLinkGenSpec.", diagnostic.GetMessage());
        Assert.Equal(new FileLinePositionSpan(path, default, default), diagnostic.Location.GetLineSpan());
    }

    [Fact]
    public void UnsupportedOpenApiVersion_IsALG0001_AtTheOpenApiField()
    {
        const string path = "/repo/spec/next.yaml";
        Diagnostic diagnostic = Assert.Single(RunExplicit(path, "info:\n  title: t\nopenapi: 4.0.0\npaths: {}\n").GeneratorDiagnostics);

        Assert.Equal("ALG0001", diagnostic.Id);
        Assert.Contains(": its 'openapi' field says '4.0.0'. Give the file", diagnostic.GetMessage());
        Assert.Equal(new FileLinePositionSpan(path, new LinePosition(2, 0), new LinePosition(2, 7)), diagnostic.Location.GetLineSpan());
    }

    [Fact]
    public void SyntaxErrorInAFileWithoutOpenApiField_StaysALG0002()
    {
        Diagnostic diagnostic = Assert.Single(RunExplicit("/repo/spec/notes.yaml", "name: x\nitems: [1, 2\n").GeneratorDiagnostics);

        Assert.Equal("ALG0002", diagnostic.Id);
    }

    [Fact]
    public void AFormBodyWithNoSchema_IsNamedSo_NotCalledAnUnsupportedType()
    {
        // Found by the fuzz run: a form body without its schema was reported as a body of a type that is
        // not sent, which names the one type that is.
        string spec = Repo.SpecText.Replace("            schema:\n              additionalProperties: false\n", "            x-schema:\n              additionalProperties: false\n", StringComparison.Ordinal);
        Assert.NotEqual(Repo.SpecText, spec);

        GeneratorRun run = GeneratorHarness.ForFragment(spec).Run();

        Diagnostic skipped = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ALG0004");
        Assert.Contains("request body of type application/x-www-form-urlencoded with no schema", skipped.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ALG0011" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task UnresolvedRef_IsALG0003_AtTheRef_AndTheOperationIsSkipped()
    {
        string spec = Header + Operation("/v1/things", "                name:\n                  type: string\n").Replace("#/components/schemas/thing'", "#/components/schemas/missing'") + Components;
        var test = new GeneratorTest(Path, spec);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0011", DiagnosticSeverity.Error).WithSpan(Path, 5, 1, 5, 6));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0003", DiagnosticSeverity.Error).WithSpan(Path, 22, 17, 22, 53)
            .WithArguments("$ref", "#/components/schemas/missing", "the schema that uses it"));
        await test.RunAsync();
    }

    private const string Cycle = """
            a:
              $ref: '#/components/schemas/b'
            b:
              $ref: '#/components/schemas/a'

        """;

    [Fact]
    public async Task RefCycleUsedByAFormBody_IsALG0016_AtEachRefIntoTheCycle_NotALG0003()
    {
        string spec = Header + Operation("/v1/things", string.Empty).Replace("              properties:\n              type: object\n", "              $ref: '#/components/schemas/a'\n") + Components + Cycle;
        var test = new GeneratorTest(Path, spec);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0011", DiagnosticSeverity.Error).WithSpan(Path, 5, 1, 5, 6));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0016", DiagnosticSeverity.Error).WithSpan(Path, 13, 15, 13, 45)
            .WithArguments("#/components/schemas/a", "the schema that uses it"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0016", DiagnosticSeverity.Error).WithSpan(Path, 30, 7, 30, 37)
            .WithArguments("#/components/schemas/b", "the schema that uses it"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0016", DiagnosticSeverity.Error).WithSpan(Path, 32, 7, 32, 37)
            .WithArguments("#/components/schemas/a", "the schema that uses it"));
        await test.RunAsync();
    }

    [Fact]
    public void RefCycleAndMissingSchemaUsedByProperties_AreALG0016AndALG0003_AndOnlyThosePropertiesAreSkipped()
    {
        string body = "                looped:\n                  $ref: '#/components/schemas/b'\n                gone:\n                  $ref: '#/components/schemas/missing'\n                name:\n                  type: string\n";
        GeneratorRun run = GeneratorHarness.ForFragment(Header + Operation("/v1/things", body) + Components + Cycle).Run();

        var references = run.GeneratorDiagnostics
            .Where(d => d.Id is "ALG0003" or "ALG0016")
            .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1, d.GetMessage().Split('\'')[d.Id == "ALG0003" ? 3 : 1]))
            .OrderBy(d => d.Item2);
        Assert.Equal(
            new[]
            {
                ("ALG0016", 15, 19, "#/components/schemas/b"),
                ("ALG0003", 17, 19, "#/components/schemas/missing"),
                ("ALG0016", 37, 7, "#/components/schemas/b"),
                ("ALG0016", 39, 7, "#/components/schemas/a"),
            },
            references);
        INamedTypeSymbol options = run.Output.GetTypeByMetadataName("Consumer.Stripe.ThingCreateOptions")!;
        Assert.Equal(new[] { "Name" }, options.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));

        // Said once, at the $ref: not a second time as an empty schema at the property.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ALG0004");
    }

    [Fact]
    public void RefChain_ReadsTheSchemaAtItsEnd()
    {
        // A component that is only a $ref to another one, which is the real schema: nothing is missing.
        string chain = "    alias:\n      $ref: '#/components/schemas/options'\n    options:\n      properties:\n        size:\n          type: integer\n      type: object\n";
        string body = "                nested:\n                  $ref: '#/components/schemas/alias'\n                name:\n                  type: string\n";
        GeneratorRun run = GeneratorHarness.ForFragment(Header + Operation("/v1/things", body) + Components + chain).Run();

        Assert.Empty(run.GeneratorDiagnostics);
        INamedTypeSymbol options = run.Output.GetTypeByMetadataName("Consumer.Stripe.ThingCreateOptions")!;
        Assert.Equal(new[] { "Nested", "Name" }, options.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.ThingNestedOptions")!.GetMembers("Size").SingleOrDefault());
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void RefChain_InAResponse_ReadsTheModelAtItsEnd()
    {
        string spec = (Header + Operation("/v1/things", "                name:\n                  type: string\n") + Components + "    alias:\n      $ref: '#/components/schemas/thing'\n")
            .Replace("$ref: '#/components/schemas/thing'\n          description: ok", "$ref: '#/components/schemas/alias'\n          description: ok");
        Assert.Contains("schemas/alias'\n          description", spec);
        GeneratorRun run = GeneratorHarness.ForFragment(spec).Run();

        Assert.Empty(run.GeneratorDiagnostics);
        IMethodSymbol create = run.Output.GetTypeByMetadataName("Consumer.Stripe.ThingService")!.GetMembers("CreateAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("Task<Thing>", create.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void SelfRef_IsALG0016_AndOnlyTheLoopingPropertyIsSkipped()
    {
        string body = "                looped:\n                  $ref: '#/components/schemas/a'\n                name:\n                  type: string\n";
        GeneratorRun run = GeneratorHarness.ForFragment(Header + Operation("/v1/things", body) + Components + "    a:\n      $ref: '#/components/schemas/a'\n").Run();

        Assert.Equal(new[] { "ALG0016", "ALG0016" }, run.GeneratorDiagnostics.Select(d => d.Id));
        INamedTypeSymbol options = run.Output.GetTypeByMetadataName("Consumer.Stripe.ThingCreateOptions")!;
        Assert.Equal(new[] { "Name" }, options.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void SelfRefInAJsonSpec_IsALG0016_AtEachRef()
    {
        string json = """
            {
              "openapi": "3.0.0",
              "info": { "title": "t", "version": "1" },
              "paths": { "/v1/things": { "post": {
                "operationId": "PostThings",
                "requestBody": { "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object", "properties": {
                  "looped": { "$ref": "#/components/schemas/a" },
                  "name": { "type": "string" } } } } } },
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/thing" } } } } } } } },
              "components": { "schemas": {
                "a": { "$ref": "#/components/schemas/a" },
                "thing": { "type": "object", "x-resourceId": "thing", "properties": { "id": { "type": "string" } } } } }
            }
            """;
        GeneratorRun run = GeneratorHarness.ForFragment(json).Run();

        Assert.Equal(
            new[] { ("ALG0016", 7, 20), ("ALG0016", 11, 13) },
            run.GeneratorDiagnostics.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1)).OrderBy(d => d.Item2));
        Assert.All(run.GeneratorDiagnostics, d => Assert.StartsWith("'#/components/schemas/a' is a $ref that leads back to itself", d.GetMessage()));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.ThingCreateOptions")?.GetMembers("Name").SingleOrDefault());
    }

    [Fact]
    public void MissingRef_IsALG0003_OnlyAtRefsToThatWholeName()
    {
        string body = "                gone:\n                  $ref: '#/components/schemas/a'\n                kept:\n                  $ref: '#/components/schemas/ab'\n";
        GeneratorRun run = GeneratorHarness.ForFragment(Header + Operation("/v1/things", body) + Components + "    ab:\n      type: string\n").Run();

        Assert.Equal(new[] { 15 }, run.GeneratorDiagnostics.Where(d => d.Id == "ALG0003").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.ThingCreateOptions")?.GetMembers("Kept").SingleOrDefault());
    }

    [Fact]
    public async Task UnsupportedShape_IsALG0004_AtTheProperty_AndOnlyThatPropertyIsSkipped()
    {
        // Two object shapes in one parameter: no single C# property can hold either.
        string body = "                mixed:\n                  anyOf:\n                    - properties:\n                        name:\n                          type: string\n                      type: object\n                    - properties:\n                        id:\n                          type: string\n                      type: object\n                name:\n                  type: string\n";
        var test = new GeneratorTest(Path, Header + Operation("/v1/things", body) + Components);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0004", DiagnosticSeverity.Warning).WithSpan(Path, 14, 17, 14, 22)
            .WithArguments("mixed", "anyOf of object and object", "the parameter"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TwoParametersWithOneCSharpName_IsALG0005_AtTheSecond()
    {
        string body = "                foo_bar:\n                  type: string\n                foo-bar:\n                  type: string\n";
        var test = new GeneratorTest(Path, Header + Operation("/v1/things", body) + Components);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0005", DiagnosticSeverity.Error).WithSpan(Path, 16, 17, 16, 24)
            .WithArguments("ThingCreateOptions.FooBar", "another property", "'foo-bar'"));
        await test.RunAsync();
    }

    [Fact]
    public void TwoOperationsWithOneNaturalName_TheSecondIsNamedAfterItsOperationId()
    {
        string body = "                name:\n                  type: string\n";
        GeneratorRun run = GeneratorHarness.ForFragment(Header + Operation("/v1/things", body) + Operation("/v1/thing", body) + Components).Run();

        Assert.Empty(run.GeneratorDiagnostics);
        INamedTypeSymbol service = run.Output.GetTypeByMetadataName("Consumer.Stripe.ThingService")!;
        Assert.Equal(new[] { "CreateAsync", "CreateWithResponseAsync", "Post9Async", "Post9WithResponseAsync" }, service.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.EndsWith("Async")).Select(m => m.Name).OrderBy(n => n));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Stripe.ThingPost9Options"));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Theory]
    [InlineData("AccountLinkGenAccessibility = protected", "AccountLinkGenAccessibility", "protected", "it must be 'public' or 'internal'")]
    [InlineData("AccountLinkGenCompatibility = Stripe.net", "AccountLinkGenCompatibility", "Stripe.net", "it must be 'StripeNet', 'None' or empty")]
    [InlineData("AccountLinkGenNamespace = My..Namespace", "AccountLinkGenNamespace", "My..Namespace", "it must be a dotted C# namespace such as 'MyCompany.Stripe'")]
    public async Task InvalidOptionValue_IsALG0006_NamingTheProperty(string setting, string property, string value, string reason)
    {
        var test = new GeneratorTest(Path, Repo.SpecText, setting);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0006", DiagnosticSeverity.Error).WithNoLocation().WithArguments("MSBuild property '" + property + "'", value, reason));
        await test.RunAsync();
    }

    [Fact]
    public async Task MissingSpecItem_IsALG0007_NamingThePath()
    {
        var test = new GeneratorTest(Path, Repo.SpecText, "AccountLinkGenMissingSpecs = specs/nowhere.yaml");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0007", DiagnosticSeverity.Error).WithNoLocation().WithArguments("specs/nowhere.yaml"));
        await test.RunAsync();
    }

    [Fact]
    public async Task OldLanguageVersion_IsOneALG0008_InsteadOfAWallOfErrors()
    {
        var test = new GeneratorTest(Path, Repo.SpecText) { LanguageVersion = LanguageVersion.CSharp10 };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0008", DiagnosticSeverity.Error).WithNoLocation().WithArguments("10"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SeveralMissingSpecItems_AreOneALG0007Each()
    {
        // The build targets join them with '|': the compiler would cut a ';'-joined value after the first path.
        var test = new GeneratorTest(Path, Repo.SpecText, "AccountLinkGenMissingSpecs = specs/nowhere.yaml|other/gone.json");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0007", DiagnosticSeverity.Error).WithNoLocation().WithArguments("specs/nowhere.yaml"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ALG0007", DiagnosticSeverity.Error).WithNoLocation().WithArguments("other/gone.json"));
        await test.RunAsync();
    }

    [Fact]
    public void FilterEntryMatchingNothing_IsALG0013_NamingTheEntryAndTheSpec()
    {
        GeneratorRun run = GeneratorHarness.ForFragment()
            .WithFileMetadata(GeneratorHarness.SpecFilePath, "AccountLinkGenOperations", "PostAccountLinks,PostNothing,/v1/nowhere/**")
            .Run();

        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("ALG0013", d.Id));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(
            new[]
            {
                $"The Operations entry 'PostNothing' matches no operation of '{GeneratorHarness.SpecFilePath}'. Check its spelling against the spec: an operationId is case-sensitive (PostAccountLinks), a path glob starts with '/' (/v1/customers/**).",
                $"The Operations entry '/v1/nowhere/**' matches no operation of '{GeneratorHarness.SpecFilePath}'. Check its spelling against the spec: an operationId is case-sensitive (PostAccountLinks), a path glob starts with '/' (/v1/customers/**).",
            },
            run.GeneratorDiagnostics.Select(d => d.GetMessage()));
        Assert.Contains(run.Sources, s => s.HintName == "account_links.AccountLinkService.g.cs");
    }

    [Fact]
    public void InvalidFilterEntry_IsALG0006_NamingTheMetadata()
    {
        GeneratorRun run = GeneratorHarness.ForFragment()
            .WithFileMetadata(GeneratorHarness.SpecFilePath, "AccountLinkGenOperations", "PostAccountLinks;not an id!")
            .Run();

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ALG0006", diagnostic.Id);
        Assert.Contains("'not an id!'", diagnostic.GetMessage());
    }

    [Fact]
    public void AHashInAnOperationsEntry_AsTheBuildTargetsWriteIt_IsALG0006_NamingTheWholeEntry()
    {
        // The targets write '#' as %23 and '%' as %25, because the compiler cuts an option value at '#'.
        GeneratorRun run = GeneratorHarness.ForFragment()
            .WithFileMetadata(GeneratorHarness.SpecFilePath, "AccountLinkGenOperations", "Post%23Links,PostAccountLinks,100%25")
            .Run();

        Assert.Equal(new[] { "ALG0006", "ALG0006" }, run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Contains("'Post#Links'", run.GeneratorDiagnostics[0].GetMessage());
        Assert.Contains("'100%'", run.GeneratorDiagnostics[1].GetMessage());
        Assert.Contains(run.Sources, s => s.HintName == "account_links.AccountLinkService.g.cs");
    }

    /// <summary>Runs the generator on one file named explicitly as an AccountLinkGenSpec item.</summary>
    private static GeneratorRun RunExplicit(string path, string text)
    {
        var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Consumer.Stripe").WithFileMetadata(path, "AccountLinkGenSpec", "true");
        harness.AdditionalFiles.Add((path, text));
        return harness.Run();
    }
}
