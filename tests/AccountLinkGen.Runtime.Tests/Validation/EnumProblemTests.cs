using System.Linq;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Validation;

/// <summary>The collector's enum checks: silent for a defined member, and naming the value and the allowed ones otherwise.</summary>
public sealed class EnumProblemTests
{
    private static readonly EnumWireNames Fields = new("currently_due", "eventually_due");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_defined_member_is_no_problem(int value)
    {
        var collector = new ValidationCollector();

        collector.CheckDefinedEnum("collection_options", "fields", value, Fields);
        collector.CheckDefinedEnum("expand", 0, value, Fields);

        Assert.Same(ValidationResult.Success, collector.ToResult());
    }

    [Fact]
    public void An_undefined_list_item_is_named_by_its_index()
    {
        var collector = new ValidationCollector();

        collector.CheckDefinedEnum("allowed_categories", 3, 2, Fields);

        ValidationProblem problem = Assert.Single(collector.ToResult().Problems);
        Assert.Equal("allowed_categories[3]", problem.Param);
        Assert.Equal(ValidationCodes.InvalidEnum, problem.Code);
        Assert.Equal("'allowed_categories[3]' is 2, which is not a value the spec defines; allowed values: currently_due, eventually_due.", problem.Message);
    }

    [Fact]
    public void A_long_enum_lists_its_first_names_and_how_many_there_are()
    {
        var names = new EnumWireNames(Enumerable.Range(0, 300).Select(i => "mcc_" + i).ToArray());
        var collector = new ValidationCollector();

        collector.CheckDefinedEnum(null, "category", -5, names);

        string message = Assert.Single(collector.ToResult().Problems).Message;
        Assert.StartsWith("'category' is -5, which is not a value the spec defines; allowed values: mcc_0, mcc_1, ", message);
        Assert.Contains("mcc_24, … (300 in all).", message);
        Assert.DoesNotContain("mcc_25", message);
    }
}
