using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace AccountLinkGen;

/// <summary>Everything a generated <c>Validate()</c> found, all at once.</summary>
public sealed class ValidationResult
{
    private static readonly ReadOnlyCollection<ValidationProblem> NoProblems = new(Array.Empty<ValidationProblem>());

    /// <summary>Creates a result from the problems found.</summary>
    public ValidationResult(IEnumerable<ValidationProblem>? problems)
    {
        var list = problems is null ? new List<ValidationProblem>() : new List<ValidationProblem>(problems);
        Problems = list.Count == 0 ? NoProblems : list.AsReadOnly();
        IsValid = !list.Exists(p => p.Severity == ValidationSeverity.Error);
    }

    /// <summary>A result with no problems.</summary>
    public static ValidationResult Success { get; } = new(null);

    /// <summary>True when no problem has <see cref="ValidationSeverity.Error"/> severity (warnings may remain).</summary>
    public bool IsValid { get; }

    /// <summary>Every problem found, errors and warnings, in parameter order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>Throws <see cref="StripeValidationException"/> when the result is not valid.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new StripeValidationException(this);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Problems.Count == 0 ? "valid" : string.Join(Environment.NewLine, Problems);
}
