namespace AccountLinkGen;

/// <summary>The machine-readable codes of <see cref="ValidationProblem.Code"/>.</summary>
public static class ValidationCodes
{
    /// <summary>A required parameter is missing or empty.</summary>
    public const string Required = "required";

    /// <summary>A string is longer than the spec's <c>maxLength</c>.</summary>
    public const string MaxLength = "max_length";

    /// <summary>A parameter the spec declares a URI (<c>format: uri</c> or <c>url</c>) is not an absolute URI with a scheme.</summary>
    public const string InvalidUrl = "invalid_url";

    /// <summary>An enum value is not one the spec defines (or an open enum value is empty).</summary>
    public const string InvalidEnum = "invalid_enum";

    /// <summary>A string holds a NUL character (CR and LF are ordinary text; only header values reject them).</summary>
    public const string ControlCharacter = "control_character";

    /// <summary>A deprecated parameter is set (a warning).</summary>
    public const string Deprecated = "deprecated";

    /// <summary>Two parameters that Stripe accepts only one of are both set.</summary>
    public const string MutuallyExclusive = "mutually_exclusive";
}
