using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Parsing;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

/// <summary>The indentation-based locator must place every pointer exactly where the full YAML parse does.</summary>
public sealed class SpecLocatorTests
{
    [Fact]
    public void Fragment_EveryKeyIsLocatedLikeTheFullIndex() => AssertSameLocations(Repo.SpecText, every: 1);

    [SkippableFact]
    public void StripeSpec_KeysAreLocatedLikeTheFullIndex()
    {
        Skip.IfNot(File.Exists(Repo.StripeSpecPath), $"Stripe's published spec is not at {Repo.StripeSpecPath}; this test runs where the shared folder is present (CI).");
        AssertSameLocations(File.ReadAllText(Repo.StripeSpecPath), every: 40);
    }

    [Theory]
    [InlineData("#/paths/~1v1~1account_links/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/collect/enum")]
    [InlineData("#/paths/~1v1~1account_links/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/nothing/here")]
    [InlineData("#/components/schemas/account_link/properties/url")]
    public void MissingOrDeepPointers_FallBackToTheNearestAncestor_LikeTheFullIndex(string pointer)
    {
        var locator = new SpecLocator("/spec.yaml", Repo.SpecText);

        Assert.Equal(new SpecLocator("/spec.yaml", Repo.SpecText).LocateByIndex(SpecLocator.Normalize(pointer)), locator.Locate(pointer));
    }

    /// <summary>List items of every shape, in block and indentless sequences.</summary>
    private const string Items =
        "a:\n  anyOf:\n    - type: string\n      x: 1\n    - foo\n    - 'bar baz'\n    - \"q\"  # note\n    - {a: 1}\n"
        + "    - [1]\n    -   key: v\n    - - nested\n    -\n      late: 1\n    - |\n      block\n    - two\n      lines\n"
        + "  list:\n  - k: 1\n  - plain text here \n  - last\nb: 2\n";

    [Fact]
    public void ListItems_AreLocatedLikeTheFullIndex()
    {
        AssertSameLocations(Items, every: 1);
        var locator = new SpecLocator("/spec.yaml", Items);
        foreach (string missing in new[] { "#/a/anyOf/0/nothing", "#/a/anyOf/1/deeper", "#/a/list/9", "#/a/list/1/x/y" })
        {
            Assert.Equal(new SpecLocator("/spec.yaml", Items).LocateByIndex(missing), locator.Locate(missing));
        }
    }

    [Theory]
    [InlineData("#/a/anyOf/0", true)]
    [InlineData("#/a/anyOf/1", true)]
    [InlineData("#/a/anyOf/2", true)]
    [InlineData("#/a/anyOf/3", true)]
    [InlineData("#/a/anyOf/4", true)]
    [InlineData("#/a/anyOf/6", true)]
    [InlineData("#/a/list/1", true)]
    [InlineData("#/a/anyOf/7", false)]
    [InlineData("#/a/anyOf/8", false)]
    [InlineData("#/a/anyOf/9", false)]
    [InlineData("#/a/anyOf/10", false)]
    public void ListItems_TheLocatorCannotPlaceSafely_AreLeftToTheFullIndex(string pointer, bool placedByIndentation)
    {
        var block = BlockYamlLocator.TryCreate("/spec.yaml", Items);

        Assert.NotNull(block);
        Assert.Equal(placedByIndentation, block!.TryLocate(pointer, out _));
    }

    [Fact]
    public void JsonSpecs_UseTheFullIndex()
    {
        string json = "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {\n    \"/v1/x\": {}\n  }\n}";
        LocationInfo location = new SpecLocator("/spec.json", json).Locate("#/paths/~1v1~1x");

        Assert.Equal((3, 4), (location.StartLine, location.StartColumn));
    }

    private static void AssertSameLocations(string text, int every)
    {
        var reference = new SpecLocator("/spec.yaml", text);
        var locator = new SpecLocator("/spec.yaml", text);
        var pointers = reference.IndexedPointers.Where((_, i) => i % every == 0).ToList();
        Assert.NotEmpty(pointers);
        var mismatches = pointers
            .Select(p => (Pointer: p, Expected: reference.LocateByIndex(p), Actual: locator.Locate(p)))
            .Where(r => r.Expected != r.Actual)
            .Take(5)
            .Select(r => $"{r.Pointer}: full index {r.Expected}, by indentation {r.Actual}")
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
