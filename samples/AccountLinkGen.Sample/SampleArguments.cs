using System.Collections.Generic;

namespace AccountLinkGen.Sample;

/// <summary>
/// The values the command line gave, as text: the sample checks them itself (enum members, the base URL) and leaves
/// required and format checks to the generated <c>Validate()</c>, so that a missing argument reads as Stripe's
/// parameter name.
/// </summary>
internal sealed class SampleArguments
{
    public string? Account { get; init; }

    public string? Type { get; init; }

    public string? RefreshUrl { get; init; }

    public string? ReturnUrl { get; init; }

    public string? Fields { get; init; }

    public string? FutureRequirements { get; init; }

    public List<string> Expand { get; init; } = new();

    public string? StripeAccount { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? ApiVersion { get; init; }

    public string? BaseUrl { get; init; }
}
