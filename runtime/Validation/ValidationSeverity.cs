namespace AccountLinkGen;

/// <summary>How serious a <see cref="ValidationProblem"/> is.</summary>
public enum ValidationSeverity
{
    /// <summary>Stripe would reject the request: it is not sent.</summary>
    Error,

    /// <summary>The request is valid but uses something the spec discourages, such as a deprecated parameter.</summary>
    Warning,
}
