using System;
using System.Collections.Generic;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>The acceptance run's exemptions are exact: outcome and detail per case, and they expire.</summary>
public sealed class ShortfallTests
{
    private static readonly Dictionary<string, Shortfall> Exempt = new(StringComparer.Ordinal)
    {
        ["GetThings"] = new(Outcome.Unreadable, "The response has no 'billing_details'", "the fixture lacks a required field"),
    };

    [Fact]
    public void AnExemptOperation_FallingShortAsStated_InEveryCase_Passes()
    {
        Assert.Empty(Shortfall.Violations(
            new[] { Result("GetThings", "minimal", Outcome.Unreadable, "JsonException: The response has no 'billing_details', which X requires."), Result("Other", "minimal", Outcome.Complete, string.Empty) },
            Exempt));
    }

    [Fact]
    public void AnExemptOperation_ThatPasses_FailsAndAsksToRemoveTheExemption()
    {
        string violation = Assert.Single(Shortfall.Violations(new[] { Result("GetThings", "rich", Outcome.Complete, string.Empty) }, Exempt));

        Assert.Contains("GetThings [rich]", violation, StringComparison.Ordinal);
        Assert.Contains("remove the exemption", violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(Outcome.Rejected), "400 The response has no 'billing_details'")]
    [InlineData(nameof(Outcome.Unreadable), "JsonException: The response has no 'amount'")]
    [InlineData(nameof(Outcome.Mismatch), "amount: JSON 1, model 2")]
    public void AnExemptOperation_FallingShortAnotherWay_Fails(string outcome, string detail)
    {
        string violation = Assert.Single(Shortfall.Violations(new[] { Result("GetThings", "edge", Enum.Parse<Outcome>(outcome), detail) }, Exempt));

        Assert.Contains("GetThings [edge]: exempt as Unreadable", violation, StringComparison.Ordinal);
        Assert.Contains(detail, violation, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortfallNoExemptionNames_Fails()
    {
        string violation = Assert.Single(Shortfall.Violations(
            new[] { Result("GetThings", "minimal", Outcome.Unreadable, "The response has no 'billing_details'"), Result("Other", "minimal", Outcome.Unsent, "[not sent: card: in the spec, no generated member]") },
            Exempt));

        Assert.StartsWith("Other [minimal]: Unsent", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExemptionForAnOperationThatDidNotRun_Fails()
    {
        Assert.Contains("remove the exemption", Assert.Single(Shortfall.Violations(Array.Empty<CaseResult>(), Exempt)), StringComparison.Ordinal);
    }

    private static CaseResult Result(string operationId, string @case, Outcome outcome, string detail) => new(operationId, @case, outcome, detail, string.Empty);
}
