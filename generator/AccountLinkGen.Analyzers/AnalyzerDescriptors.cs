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
}
