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

    [Theory]
    [InlineData("currently_due", false, false)]
    [InlineData("eventually_due", true, false)]
    [InlineData(null, false, false)]
    [InlineData("", false, true)]
    public void A_wire_name_held_as_a_string_that_is_listed_or_allowed_empty_is_no_problem(string? value, bool required, bool emptyable)
    {
        var collector = new ValidationCollector();

        collector.CheckWireName("collection_options", "fields", value, Fields, required, emptyable);

        Assert.Same(ValidationResult.Success, collector.ToResult());
    }

    [Theory]
    [InlineData("Eventually_due", false, "'collection_options[fields]' is 'Eventually_due', which is not a value the spec defines; allowed values: currently_due, eventually_due.")]
    [InlineData("", false, "'collection_options[fields]' is '', which is not a value the spec defines; allowed values: currently_due, eventually_due.")]
    [InlineData(null, true, "'collection_options[fields]' is required.")]
    public void A_wire_name_held_as_a_string_that_is_not_listed_or_missing_is_named(string? value, bool required, string message)
    {
        var collector = new ValidationCollector();

        collector.CheckWireName("collection_options", "fields", value, Fields, required);

        Assert.Equal(message, Assert.Single(collector.ToResult().Problems).Message);
    }

    [Fact]
    public void A_list_item_held_as_a_string_is_named_by_its_index()
    {
        var collector = new ValidationCollector();

        collector.CheckWireName("fields", 1, "past_due", Fields);
        collector.CheckWireName("fields", 0, "currently_due", Fields);

        ValidationProblem problem = Assert.Single(collector.ToResult().Problems);
        Assert.Equal("fields[1]", problem.Param);
        Assert.Equal(ValidationCodes.InvalidEnum, problem.Code);
    }
}
