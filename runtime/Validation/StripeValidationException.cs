using System;
using System.Linq;

namespace AccountLinkGen;

/// <summary>
/// Thrown before any network I/O when request options fail their generated validation. Nothing was sent, so
/// <see cref="StripeException.RequestId"/> and <see cref="StripeException.IdempotencyKey"/> are null and
/// <see cref="StripeException.HttpStatusCode"/> is 0. <see cref="StripeException.StripeError"/> describes the first
/// error as Stripe's answer would (<c>invalid_request_error</c>, the parameter, the code and the message), so that
/// code that reads <c>e.StripeError.Param</c> off any <see cref="StripeException"/> finds it here too.
/// </summary>
public sealed class StripeValidationException : StripeException
{
    /// <summary>Creates the exception for an invalid result.</summary>
    public StripeValidationException(ValidationResult result)
        : base(BuildMessage(result ?? throw new ArgumentNullException(nameof(result))), null, null, null)
    {
        Result = result;
        if (result.Problems.FirstOrDefault(p => p.Severity == ValidationSeverity.Error) is { } first)
        {
            StripeError = new StripeError { Type = "invalid_request_error", Code = first.Code, Param = first.Param, Message = first.Param + " " + first.Message };
        }
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
