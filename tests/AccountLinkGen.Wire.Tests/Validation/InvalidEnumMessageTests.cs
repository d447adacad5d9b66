using System;
using AccountLinkGen.Wire.Tests.Generated;
using Xunit;

namespace AccountLinkGen.Wire.Tests.Validation;

/// <summary>An undefined enum value is reported with the value itself and the values Stripe takes.</summary>
public sealed class InvalidEnumMessageTests
{
    [Fact]
    public void An_undefined_nested_enum_names_the_value_and_the_allowed_ones()
    {
        AccountLinkCreateOptions options = ValidatorTableTests.Valid();
        options.CollectionOptions = new AccountLinkCollectionOptions { Fields = (AccountLinkCollectionOptionsFields)42 };

        ValidationProblem problem = Assert.Single(options.Validate().Problems);

        Assert.Equal(("collection_options[fields]", ValidationCodes.InvalidEnum), (problem.Param, problem.Code));
        Assert.Equal(
            "'collection_options[fields]' is 42, which is not a value the spec defines; allowed values: currently_due, eventually_due.",
            problem.Message);
    }

    [Fact]
    public void An_undefined_deprecated_enum_names_the_value_and_the_allowed_ones_beside_its_warning()
    {
        AccountLinkCreateOptions options = ValidatorTableTests.Valid();
#pragma warning disable CS0618 // the deprecated parameter is the one under test.
        options.Collect = (AccountLinkCollect)(-1);
#pragma warning restore CS0618

        ValidationProblem problem = Assert.Single(options.Validate().Problems, p => p.Severity == ValidationSeverity.Error);

        Assert.Equal("collect", problem.Param);
        Assert.Contains("is -1", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("allowed values: currently_due, eventually_due.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exception_message_carries_the_value_and_the_allowed_ones()
    {
        var options = new AccountLinkCollectionOptions { FutureRequirements = (AccountLinkCollectionOptionsFutureRequirements)7 };

        var exception = Assert.Throws<StripeValidationException>(() => options.Validate().ThrowIfInvalid());

        Assert.Contains("future_requirements", exception.Message, StringComparison.Ordinal);
        Assert.Contains("is 7", exception.Message, StringComparison.Ordinal);
        Assert.Contains("include, omit", exception.Message, StringComparison.Ordinal);
    }
}
