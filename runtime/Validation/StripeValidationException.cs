using System;
using System.Linq;

namespace AccountLinkGen;

/// <summary>
/// Thrown before any network I/O when request options fail their generated validation. Nothing was sent, so
/// <see cref="StripeException.RequestId"/> and <see cref="StripeException.IdempotencyKey"/> are null.
/// </summary>
public sealed class StripeValidationException : StripeException
{
    /// <summary>Creates the exception for an invalid result.</summary>
    public StripeValidationException(ValidationResult result)
        : base(BuildMessage(result ?? throw new ArgumentNullException(nameof(result))), null, null, null)
    {
        Result = result;
    }

    /// <summary>The validation result, with every problem found.</summary>
    public ValidationResult Result { get; }

    private static string BuildMessage(ValidationResult result)
    {
        var errors = result.Problems.Where(p => p.Severity == ValidationSeverity.Error).ToList();
        return $"The request options are invalid ({errors.Count} error(s)): "
            + string.Join("; ", errors.Select(p => $"{p.Param}: {p.Message}"));
    }
}
