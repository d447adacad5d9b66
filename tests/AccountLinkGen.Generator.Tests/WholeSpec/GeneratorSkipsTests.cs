using System.Linq;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>The acceptance run excuses an unsent parameter only by the ALG0004 the generator reported for that very parameter.</summary>
public sealed class GeneratorSkipsTests : IClassFixture<WidgetsClientFixture>
{
    private readonly WidgetsClientFixture _fixture;

    public GeneratorSkipsTests(WidgetsClientFixture fixture) => _fixture = fixture;

    [Fact]
    public void EachAlg0004_IsTiedToItsOperationAndParameter()
    {
        GeneratorSkips skips = GeneratorSkips.From(_fixture.Client.Model, WidgetsClientFixture.SpecPath, _fixture.SpecText, new[] { ("PostWidgets", "POST", "/v1/widgets") });

        Assert.Empty(skips.Unplaced);
        GeneratorSkip skip = Assert.Single(skips.All);
        Assert.Equal(("PostWidgets", "shape"), (skip.OperationId, skip.Parameter));
        Assert.StartsWith("'shape' has a shape the generator does not support", skip.Message, System.StringComparison.Ordinal);
        Assert.Equal(_fixture.Client.Diagnostics.Count(d => d.Id == "ALG0004"), skips.All.Count);
        Assert.Same(skip, skips.Find("PostWidgets", new RequestGap("shape", "in the spec, no generated member", NoMember: true).Parameter));
        Assert.Null(skips.Find("PostWidgets", "kind"));
        Assert.Null(skips.Find("PostOtherWidgets", "shape"));
    }

    [Theory]
    [InlineData("shape", "shape")]
    [InlineData("collection_options[fields]", "collection_options.fields")]
    [InlineData("items[0][price_data][recurring]", "items.price_data.recurring")]
    public void AGapsParameter_IsTheDottedPathTheDiagnosticsUse(string wirePath, string parameter) =>
        Assert.Equal(parameter, new RequestGap(wirePath, "in the spec, no generated member", NoMember: true).Parameter);
}
