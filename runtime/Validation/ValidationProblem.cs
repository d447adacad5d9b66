using System;

namespace AccountLinkGen;

/// <summary>One problem found by a generated <c>Validate()</c> method.</summary>
public sealed class ValidationProblem
{
    /// <summary>Creates a problem.</summary>
    public ValidationProblem(string param, string code, string message, ValidationSeverity severity)
    {
        Param = param ?? throw new ArgumentNullException(nameof(param));
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Severity = severity;
    }

    /// <summary>The parameter as Stripe names it on the wire, such as <c>collection_options[fields]</c> or <c>expand[2]</c>.</summary>
    public string Param { get; }

    /// <summary>A machine-readable code; see <see cref="ValidationCodes"/>.</summary>
    public string Code { get; }

    /// <summary>A sentence for people that names the parameter and what is wrong with it.</summary>
    public string Message { get; }

    /// <summary>Whether the problem stops the request (<see cref="ValidationSeverity.Error"/>) or only warns.</summary>
    public ValidationSeverity Severity { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code} at {Param}: {Message}";
}
