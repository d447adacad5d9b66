using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Parsing;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

/// <summary>
/// The one way diagnostics find their place in a spec: JSON pointers, <c>$ref</c>s and syntax errors, in YAML of
/// every style and in JSON, with lines and columns counted from zero as Roslyn's <c>LinePosition</c> does.
/// </summary>
public sealed class SpecLocatorTests
{
    /// <summary>List items of every shape, in block and indentless sequences.</summary>
    private const string Items =
        "a:\n  anyOf:\n    - type: string\n      x: 1\n    - foo\n    - 'bar baz'\n    - \"q\"  # note\n    - {a: 1}\n"
        + "    - [1]\n    -   key: v\n    - - nested\n    -\n      late: 1\n    - |\n      block\n    - two\n      lines\n"
        + "  list:\n  - k: 1\n  - plain text here \n  - last\nb: 2\n";

    [Theory]
    [InlineData("#/a", 0, 1, 0, 0, 0, 1)]
    [InlineData("#/a/anyOf", 5, 5, 1, 2, 1, 7)]
    [InlineData("#/a/anyOf/0", 18, 0, 2, 6, 2, 6)]
    [InlineData("#/a/anyOf/0/type", 18, 4, 2, 6, 2, 10)]
    [InlineData("#/a/anyOf/0/x", 37, 1, 3, 6, 3, 7)]
    [InlineData("#/a/anyOf/1", 48, 3, 4, 6, 4, 9)]
    [InlineData("#/a/anyOf/2", 58, 9, 5, 6, 5, 15)]
    [InlineData("#/a/anyOf/3", 74, 3, 6, 6, 6, 9)]
    [InlineData("#/a/anyOf/4", 92, 0, 7, 6, 7, 6)]
    [InlineData("#/a/anyOf/4/a", 93, 1, 7, 7, 7, 8)]
    [InlineData("#/a/anyOf/5/0", 106, 1, 8, 7, 8, 8)]
    [InlineData("#/a/anyOf/6/key", 117, 3, 9, 8, 9, 11)]
    [InlineData("#/a/anyOf/7/0", 132, 6, 10, 8, 10, 14)]
    [InlineData("#/a/anyOf/8/late", 151, 4, 12, 6, 12, 10)]
    [InlineData("#/a/anyOf/9", 165, 14, 13, 6, 15, 0)]
    [InlineData("#/a/anyOf/10", 185, 15, 15, 6, 16, 11)]
    [InlineData("#/a/list/0/k", 213, 1, 18, 4, 18, 5)]
    [InlineData("#/a/list/1", 222, 15, 19, 4, 19, 19)]
    [InlineData("#/b", 248, 1, 21, 0, 21, 1)]
    public void EveryKeyAndListItem_IsPlacedAtItsNode(string pointer, int start, int length, int line, int column, int endLine, int endColumn)
    {
        Assert.Equal(new LocationInfo("/spec.yaml", start, length, line, column, endLine, endColumn), new SpecLocator("/spec.yaml", Items).Locate(pointer));
    }

    [Theory]
    [InlineData("#/a/nothing/here", "#/a")]
    [InlineData("#/a/anyOf/1/nothing/here", "#/a/anyOf/1")]
    [InlineData("#/a/anyOf/7/0/nothing", "#/a/anyOf/7/0")]
    [InlineData("#/a/list/9", "#/a/list")]
    [InlineData("#/a/0", "#/a")]
    [InlineData("#/b/nothing", "#/b")]
    public void MissingOrDeeperPointers_ArePlacedAtTheirNearestAncestor(string pointer, string ancestor)
    {
        var locator = new SpecLocator("/spec.yaml", Items);

        Assert.Equal(locator.Locate(ancestor), locator.Locate(pointer));
    }

    [Theory]
    [InlineData("#")]
    [InlineData("#/")]
    [InlineData("")]
    [InlineData("#/nothing")]
    public void ThePointersOfNoNode_ArePlacedAtTheFileStart(string pointer)
    {
        Assert.Equal(new LocationInfo("/spec.yaml", 0, 0, 0, 0, 0, 0), new SpecLocator("/spec.yaml", Items).Locate(pointer));
    }

    [Fact]
    public void ManyPointersAtOnce_AreEachPlacedAsAlone()
    {
        var pointers = new[] { "#/a/list/1", "#/a/anyOf/4/a", "#/b/x", "#/a/anyOf/9", "#/a/list/1" };
        var locator = new SpecLocator("/spec.yaml", Items);

        Assert.Equal(pointers.Select(p => new SpecLocator("/spec.yaml", Items).Locate(p)), locator.Locate(pointers));
    }

    [Fact]
    public void FragmentPointers_EscapeSlashesAndTildes()
    {
        var locator = new SpecLocator("/spec.yaml", Repo.SpecText);

        LocationInfo post = locator.Locate("#/paths/~1v1~1account_links/post");
        LocationInfo collectEnum = locator.Locate("#/paths/~1v1~1account_links/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/collect/enum");

        Assert.Equal(new LocationInfo("/spec.yaml", 326, 4, 13, 4, 13, 8), post);
        Assert.Equal(new LocationInfo("/spec.yaml", 1344, 4, 41, 18, 41, 22), collectEnum);
    }

    [Fact]
    public void JsonSpecs_ArePlacedAtTheQuotedKey()
    {
        string json = "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {\n    \"/v1/x\": {}\n  }\n}";
        LocationInfo location = new SpecLocator("/spec.json", json).Locate("#/paths/~1v1~1x");

        Assert.Equal((3, 4, 3, 11), (location.StartLine, location.StartColumn, location.EndLine, location.EndColumn));
    }

    [Fact]
    public void References_SpanFromTheRefKeyToTheEndOfItsValue_InYamlAndJson()
    {
        string yaml = "a:\n  $ref: '#/components/schemas/b'\nc:\n  - $ref: \"#/x\"\n  - {$ref: '#/y'}\nd:\n  $ref: plain.yaml#/z\n";
        string json = "{\"a\": {\"$ref\": \"#/components/schemas/b\"}}";

        Assert.Equal(
            new[]
            {
                new ReferenceSite("#/a", "#/components/schemas/b", new LocationInfo("/spec.yaml", 5, 30, 1, 2, 1, 32)),
                new ReferenceSite("#/c/0", "#/x", new LocationInfo("/spec.yaml", 43, 11, 3, 4, 3, 15)),
                new ReferenceSite("#/c/1", "#/y", new LocationInfo("/spec.yaml", 60, 11, 4, 5, 4, 16)),
                new ReferenceSite("#/d", "plain.yaml#/z", new LocationInfo("/spec.yaml", 78, 19, 6, 2, 6, 21)),
            },
            new SpecLocator("/spec.yaml", yaml).References);
        Assert.Equal(
            new ReferenceSite("#/a", "#/components/schemas/b", new LocationInfo("/spec.json", 8, 31, 0, 8, 0, 39)),
            Assert.Single(new SpecLocator("/spec.json", json).References));
        Assert.True(new SpecLocator("/spec.yaml", yaml).IsReference("#/c/1"));
        Assert.False(new SpecLocator("/spec.yaml", yaml).IsReference("#/c"));
    }

    [Theory]
    [InlineData("a: 1\nb: [unclosed\n", 2, 0, "While parsing a flow sequence, did not find expected ',' or ']'")]
    [InlineData("a:\n\tb: 1\n", 1, 0, "While scanning for the next token, find character that cannot start any token")]
    public void SyntaxErrors_AreAtTheParsersPosition_WithTheReasonAlone(string text, int line, int column, string reason)
    {
        var locator = new SpecLocator("/spec.yaml", text);

        SyntaxError error = Assert.IsType<SyntaxError>(locator.SyntaxError);
        Assert.Equal((line, column), (error.Location.StartLine, error.Location.StartColumn));
        Assert.Equal(reason, error.Message);
        Assert.Null(new SpecLocator("/spec.yaml", Items).SyntaxError);
    }

    [Fact]
    public void TopLevelKeys_AreKnownWithoutAPointer()
    {
        var locator = new SpecLocator("/spec.yaml", "info:\n  openapi: 3\nswagger: '2.0'\n");

        Assert.True(locator.HasTopLevelKey("swagger"));
        Assert.False(locator.HasTopLevelKey("openapi"));
    }

    [SkippableFact]
    public void StripeSpec_PointersOfItsWarnings_ArePlacedAtTheirKeys()
    {
        Skip.IfNot(File.Exists(Repo.StripeSpecPath), $"Stripe's published spec is not at {Repo.StripeSpecPath}; this test runs where the shared folder is present (CI).");
        var locator = new SpecLocator("/spec.yaml", File.ReadAllText(Repo.StripeSpecPath));

        var located = locator.Locate(new[] { "#/paths/~1v1~1files/post/requestBody", "#/paths/~1v1~1quotes~1{quote}~1pdf/get/responses/200" });

        Assert.Equal(new[] { (61326, 6), (88264, 8) }, located.Select(l => (l.StartLine, l.StartColumn)));
    }
}
