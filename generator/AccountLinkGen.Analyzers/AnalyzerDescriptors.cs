using AccountLinkGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Analyzers;

/// <summary>Every diagnostic the AccountLinkGen analyzers report. IDs <c>ALG1xxx</c> belong to user code,
/// <c>ALG0xxx</c> to the generator's reading of the spec.</summary>
public static class AnalyzerDescriptors
{
    /// <summary>The category shared with the generator's own diagnostics.</summary>
    public const string Category = "AccountLinkGen";

    /// <summary>ID of <see cref="UseReplacement"/>.</summary>
    public const string UseReplacementId = "ALG1001";

    /// <summary>A property marked <c>[ReplacedBy]</c> is assigned; the spec names the parameter to use instead.</summary>
    public static readonly DiagnosticDescriptor UseReplacement = new(
        id: UseReplacementId,
        title: "A deprecated parameter with a replacement is assigned",
        messageFormat: "'{0}' is deprecated; use '{1}' instead",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The spec deprecates this parameter and names its replacement. Set the replacement property " +
            "instead; for an enum value with a counterpart of the same name the code fix rewrites the assignment.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, UseReplacementId));

    /// <summary>ID of <see cref="NotAListedValue"/>.</summary>
    public const string NotAListedValueId = "ALG1002";

    /// <summary>ID of <see cref="NotAKnownValue"/>.</summary>
    public const string NotAKnownValueId = "ALG1003";

    /// <summary>A string constant given to a parameter whose values are a closed set is none of them.</summary>
    public static readonly DiagnosticDescriptor NotAListedValue = new(
        id: NotAListedValueId,
        title: "A string constant is not one of the values the parameter accepts",
        messageFormat: "'{0}' is not a value of '{1}'{2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The spec lists every value this parameter accepts, and the constant is none of them: Validate() " +
            "refuses it before the request is sent, and Stripe would answer 400. The message names the nearest listed values.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, NotAListedValueId));

    /// <summary>A string constant given to a parameter whose values are an open set is none of those listed.</summary>
    public static readonly DiagnosticDescriptor NotAKnownValue = new(
        id: NotAKnownValueId,
        title: "A string constant is not one of the values the spec lists for the parameter",
        messageFormat: "'{0}' is not a value the spec lists for '{1}'{2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Stripe accepts values beyond those the spec lists for this parameter, so the constant may be " +
            "right; it may also be a typo. The message names the nearest listed values.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, NotAKnownValueId));
}
