using System.Linq;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

public sealed class SpecParserTests
{
    private static readonly SpecModel Fragment = ModelBuilder.Parse(Repo.SpecText);

    [Theory]
    [InlineData("openapi: 3.0.0\npaths: {}\n", true)]
    [InlineData("components: {}\ninfo: {}\nopenapi: 3.0.0\n", true)]
    [InlineData("{\"openapi\": \"3.0.0\"}", true)]
    [InlineData("{\"info\": {},\"swagger\" : \"2.0\"}", true)]
    [InlineData("'openapi': 3.0.0", true)]
    [InlineData("name: openapi\nitems: [1]\n", false)]
    [InlineData("description: see myopenapi: here\n", false)]
    [InlineData("openapi_version: 3\n", false)]
    [InlineData("", false)]
    public void LooksLikeSpec_FindsAnOpenApiOrSwaggerKey_AndNothingElse(string text, bool expected) =>
        Assert.Equal(expected, Generator.Parsing.SpecParser.LooksLikeSpec(text));

    [Fact]
    public void Fragment_ParsesWithoutDiagnostics() => Assert.Empty(Fragment.Diagnostics);

    [Fact]
    public void Fragment_HasOneCreateOperation()
    {
        OperationModel operation = Assert.Single(Fragment.Operations);

        Assert.Equal(("PostAccountLinks", "POST", "/v1/account_links"), (operation.OperationId, operation.HttpMethod, operation.Path));
        Assert.Equal(("AccountLinkService", "CreateAsync"), (operation.ServiceName, operation.MethodName));
        Assert.Equal(("AccountLinkCreateOptions", true, "AccountLink"), (operation.OptionsClass, operation.OptionsRequired, operation.Response.Name));
        Assert.Empty(operation.PathParameters);
        Assert.Equal("2024-06-20", Fragment.ApiVersion);
    }

    [Fact]
    public void CreateOptions_HaveEveryParameterInSpecOrder_WithRequiredness()
    {
        OptionsClassModel options = Fragment.OptionsClasses.Single(o => o.Name == "AccountLinkCreateOptions");

        Assert.Equal(
            new[]
            {
                ("account", "Account", TypeKind.String, true),
                ("collect", "Collect", TypeKind.Enum, false),
                ("collection_options", "CollectionOptions", TypeKind.Object, false),
                ("expand", "Expand", TypeKind.Array, false),
                ("refresh_url", "RefreshUrl", TypeKind.String, true),
                ("return_url", "ReturnUrl", TypeKind.String, true),
                ("type", "Type", TypeKind.OpenEnum, true),
            },
            options.Properties.Select(p => (p.WireName, p.Name, p.Type.Kind, p.Required)));
    }

    [Fact]
    public void Collect_IsDeprecated_WithTheSpecsWords_AndLinkedToItsReplacement()
    {
        PropertyModel collect = Fragment.OptionsClasses.Single(o => o.Name == "AccountLinkCreateOptions").Properties.Single(p => p.WireName == "collect");

        Assert.Equal("The collect parameter is deprecated. Use collection_options instead.", collect.Deprecation);
        Assert.Equal("collection_options.fields", collect.ReplacedBy);
        Assert.Equal("AccountLinkCollect", collect.Type.Name);
    }

    [Fact]
    public void StringRules_ComeFromTheSpec()
    {
        var properties = Fragment.OptionsClasses.Single(o => o.Name == "AccountLinkCreateOptions").Properties;

        Assert.Equal(5000, properties.Single(p => p.WireName == "account").Type.MaxLength);
        Assert.True(properties.Single(p => p.WireName == "refresh_url").Type.IsUrl);
        Assert.False(properties.Single(p => p.WireName == "account").Type.IsUrl);
        TypeRef expand = properties.Single(p => p.WireName == "expand").Type;
        Assert.Equal((TypeKind.String, 5000), (expand.Item!.Kind, expand.Item.MaxLength));
    }

    [Fact]
    public void MutuallyExclusivePair_ComesFromTheVendorExtension()
    {
        ExclusivePair pair = Assert.Single(Fragment.OptionsClasses.Single(o => o.Name == "AccountLinkCreateOptions").MutuallyExclusive);

        Assert.Equal(("collect", "collection_options"), (pair.First, pair.Second));
    }

    [Fact]
    public void Enums_KeepWireNames_AndOnlyTypeIsOpen()
    {
        Assert.Equal(
            new[]
            {
                ("AccountLinkCollect", false, "currently_due:CurrentlyDue,eventually_due:EventuallyDue"),
                ("AccountLinkCollectionOptionsFields", false, "currently_due:CurrentlyDue,eventually_due:EventuallyDue"),
                ("AccountLinkCollectionOptionsFutureRequirements", false, "include:Include,omit:Omit"),
                ("AccountLinkType", true, "account_onboarding:AccountOnboarding,account_update:AccountUpdate"),
            },
            Fragment.Enums.OrderBy(e => e.Name).Select(e => (e.Name, e.Open, string.Join(",", e.Members.Select(m => m.WireName + ":" + m.Name)))));
    }

    [Fact]
    public void Response_HasUnixTimesAndRequiredFields()
    {
        ResponseModel response = Assert.Single(Fragment.Responses);

        Assert.Equal("AccountLink", response.Name);
        Assert.Equal(
            new[]
            {
                ("created", "Created", TypeKind.UnixTime, true),
                ("expires_at", "ExpiresAt", TypeKind.UnixTime, true),
                ("object", "Object", TypeKind.String, true),
                ("url", "Url", TypeKind.String, true),
            },
            response.Properties.Select(p => (p.WireName, p.Name, p.Type.Kind, p.Required)));
    }

    [Fact]
    public void EquivalentTexts_GiveEqualModels_AndARealChangeDoesNot()
    {
        string reformatted = Equivalent(Repo.SpecText);
        string changed = Repo.SpecText.Replace("maxLength: 5000\n                  type: string\n                collect", "maxLength: 4000\n                  type: string\n                collect");

        Assert.NotEqual(Repo.SpecText, reformatted);
        Assert.Equal(Fragment, ModelBuilder.Parse(reformatted));
        Assert.NotEqual(Fragment, ModelBuilder.Parse(changed));
    }

    /// <summary>The same spec with comments, blank lines and top-level sections in another order.</summary>
    internal static string Equivalent(string spec) =>
        "# reformatted copy\n" + spec
            .Replace("\npaths:", "\n\n# the operations\npaths:")
            .Replace("servers:\n  - url: 'https://api.stripe.com/'\nsecurity:\n  - bearerAuth: []\n", "security:\n  - bearerAuth: []   \nservers:\n  - url: \"https://api.stripe.com/\"\n");

    [Fact]
    public void AFileThatIsNotASpec_IsIgnored_UnlessNamedExplicitly()
    {
        Assert.Null(ModelBuilder.Parse("{ \"name\": \"appsettings\" }", isExplicit: false));
        Assert.NotNull(ModelBuilder.Parse("{ \"name\": \"appsettings\" }", isExplicit: true));
    }

    [Theory]
    [InlineData("PostAccountLinks", 1)]
    [InlineData("/v1/account_links", 1)]
    [InlineData("/v1/*", 1)]
    [InlineData("/v1/**", 1)]
    [InlineData("PostCustomers", 0)]
    [InlineData("/v2/**", 0)]
    public void OperationFilter_KeepsMatchingOperations(string filter, int expected)
    {
        SpecModel model = ModelBuilder.Parse(Repo.SpecText, filter);

        Assert.Equal(expected, model.Operations.Count);
        Assert.Equal(expected == 0 ? new[] { "ALG0013" } : new string[0], model.Diagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData("PostAccountLinks,PostCustomers,GetFilesFile")]
    [InlineData("PostAccountLinks;PostCustomers;GetFilesFile")]
    [InlineData("PostAccountLinks\nPostCustomers\r\n GetFilesFile\n")]
    [InlineData(" PostAccountLinks , PostCustomers;;GetFilesFile ")]
    public void OperationFilter_AcceptsCommasSemicolonsAndNewLines(string filter)
    {
        SpecModel model = ModelBuilder.Parse(Repo.ResourcesSpecText, filter);

        Assert.Equal(new[] { "GetFilesFile", "PostAccountLinks", "PostCustomers" }, model.Operations.Select(o => o.OperationId).OrderBy(id => id));
        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void ResponseUnions_NullableObjectsReadAsTheObject_ExpandablesAndTheirListsAsTheIdAndTheObject_UntoldObjectsAsTheId()
    {
        const string anchor = "        object:\n          description: The type of the object; always `account_link`.\n";
        const string fields = """
                    owner:
                      anyOf:
                        - $ref: '#/components/schemas/owner'
                      nullable: true
                    account:
                      anyOf:
                        - maxLength: 5000
                          type: string
                        - $ref: '#/components/schemas/owner'
                    expanded_account:
                      type: string
                    either:
                      anyOf:
                        - type: string
                        - $ref: '#/components/schemas/owner'
                        - $ref: '#/components/schemas/api_errors'
                    history:
                      items:
                        anyOf:
                          - type: string
                          - $ref: '#/components/schemas/owner'
                      type: array

            """;
        const string owner = """
                owner:
                  properties:
                    id:
                      type: string
                  type: object
                  x-resourceId: owner

            """;
        Assert.Contains(anchor, Repo.SpecText);
        string text = Repo.SpecText.Replace(anchor, fields.Replace("\r", string.Empty) + anchor)
            .Replace("\n    error:\n", "\n" + owner.Replace("\r", string.Empty) + "    error:\n");

        SpecModel model = ModelBuilder.Parse(text);

        ResponseModel link = model.Responses.Single(r => r.Name == "AccountLink");
        ResponsePropertyModel Field(string wire) => link.Properties.Single(p => p.WireName == wire);
        Assert.Equal(new TypeRef(TypeKind.Object, "Owner"), Field("owner").Type);
        Assert.Null(Field("owner").ExpandedName);

        // "ExpandedAccount" is taken by a field of its own, so "account" stays an ID and ALG0012 says so.
        Assert.Equal(TypeKind.String, Field("account").Type.Kind);
        Assert.Null(Field("account").ExpandedName);
        // Two objects without an 'object' field that tells them apart: read as the ID.
        Assert.Equal(TypeKind.String, Field("either").Type.Kind);

        // A list of expandable items: their IDs, and the objects beside them.
        Assert.Equal(new TypeRef(TypeKind.Array, Item: new TypeRef(TypeKind.Expandable, Item: new TypeRef(TypeKind.Object, "Owner"))), Field("history").Type);
        Assert.Equal("ExpandedHistory", Field("history").ExpandedName);

        DiagnosticInfo simplified = Assert.Single(model.Diagnostics);
        Assert.Equal("ALG0012", simplified.Id);
        Assert.Contains("2 response fields (AccountLink.account, AccountLink.either", simplified.Arguments.First());

        SpecModel withoutClash = ModelBuilder.Parse(text.Replace("        expanded_account:\n          type: string\n", string.Empty));
        ResponsePropertyModel account = withoutClash.Responses.Single(r => r.Name == "AccountLink").Properties.Single(p => p.WireName == "account");
        Assert.Equal(new TypeRef(TypeKind.Expandable, Item: new TypeRef(TypeKind.Object, "Owner")), account.Type);
        Assert.Equal("ExpandedAccount", account.ExpandedName);
    }

    [Fact]
    public void AnObjectOrItsId_IsOneObjectPropertyWithAnIdBeside_AndAClashingSiblingIsALG0005()
    {
        const string anchor = "                refresh_url:\n";
        const string owner = """
                            owner:
                              anyOf:
                                - properties:
                                    name:
                                      type: string
                                  required:
                                    - name
                                  title: owner_params
                                  type: object
                                - maxLength: 40
                                  type: string

            """;
        Assert.Contains(anchor, Repo.SpecText);
        string text = Repo.SpecText.Replace(anchor, owner.Replace("\r", string.Empty) + anchor);

        SpecModel model = ModelBuilder.Parse(text);

        Assert.Empty(model.Diagnostics);
        PropertyModel property = model.OptionsClasses.Single(o => o.Name == "AccountLinkCreateOptions").Properties.Single(p => p.WireName == "owner");
        Assert.True(property.Type.OrId);
        Assert.Equal((TypeKind.Object, 40), (property.Type.Kind, property.Type.MaxLength));

        const string clash = "                owner_id:\n                  type: string\n";
        SpecModel clashing = ModelBuilder.Parse(text.Replace(anchor, clash + anchor));
        DiagnosticInfo diagnostic = Assert.Single(clashing.Diagnostics);
        Assert.Equal("ALG0005", diagnostic.Id);
        Assert.Contains("OwnerId", string.Join(" ", diagnostic.Arguments));
    }
}
