using System;
using System.Collections.Generic;
using System.Threading;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Reads the generator's inputs other than the spec's content: which files are candidates, the MSBuild options,
/// and the facts about the compilation. Each result is a small equatable value, so that unrelated edits hit the cache.
/// </summary>
internal static class InputReader
{
    public const string NamespaceProperty = "build_property.AccountLinkGenNamespace";
    public const string AccessibilityProperty = "build_property.AccountLinkGenAccessibility";
    public const string CompatibilityProperty = "build_property.AccountLinkGenCompatibility";
    public const string MissingSpecsProperty = "build_property.AccountLinkGenMissingSpecs";
    public const string SpecMetadata = "build_metadata.AdditionalFiles.AccountLinkGenSpec";
    public const string OperationsMetadata = "build_metadata.AdditionalFiles.AccountLinkGenOperations";
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.AccountLinkGenNamespace";
    public const string OverlayMetadata = "build_metadata.AdditionalFiles.AccountLinkGenOverlay";
    public const string OverlayOfMetadata = "build_metadata.AdditionalFiles.AccountLinkGenOverlayOf";
    public const string MissingOverlaysProperty = "build_property.AccountLinkGenMissingOverlays";

    /// <summary>
    /// What the build targets join the missing specs with: the compiler cuts a property value at <c>;</c> or <c>#</c>
    /// (they start comments in the options file it reads), and no Windows path contains <c>|</c>.
    /// </summary>
    public const char MissingSpecsSeparator = '|';

    /// <summary>A <c>.yaml</c>, <c>.yml</c> or <c>.json</c> AdditionalFile; only those that look like OpenAPI are parsed.</summary>
    public static bool IsCandidate(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static SpecInput ReadSpec(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        bool isExplicit = options.TryGetValue(SpecMetadata, out string? marker) && string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase);
        options.TryGetValue(OperationsMetadata, out string? filter);
        options.TryGetValue(NamespaceMetadata, out string? ns);
        bool isOverlay = options.TryGetValue(OverlayMetadata, out string? overlay) && string.Equals(overlay, "true", StringComparison.OrdinalIgnoreCase);
        options.TryGetValue(OverlayOfMetadata, out string? overlayOf);
        string? text = file.GetText(cancellationToken)?.ToString();
        return new SpecInput(
            file.Path,
            text,
            isExplicit,
            string.IsNullOrWhiteSpace(filter) ? null : UnescapeOperations(filter!),
            string.IsNullOrWhiteSpace(ns) ? null : ns!.Trim(),
            isOverlay ? overlayOf?.Trim() ?? string.Empty : null);
    }

    /// <summary>
    /// The <c>Operations</c> metadata as written in the project. The compiler cuts an option value at <c>#</c> (a
    /// comment in the options file it reads), so the build targets write <c>#</c> as <c>%23</c> and <c>%</c> as
    /// <c>%25</c>: an entry with a <c>#</c> then reaches the filter whole, which reports it (ALG0006).
    /// </summary>
    internal static string UnescapeOperations(string value) =>
        value.IndexOf('%') < 0 ? value : value.Replace("%23", "#").Replace("%25", "%");

    public static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        string ns = GeneratorOptions.DefaultNamespace;
        if (options.TryGetValue(NamespaceProperty, out string? configured) && !string.IsNullOrWhiteSpace(configured))
        {
            configured = configured!.Trim();
            if (IsValidNamespace(configured))
            {
                ns = configured;
            }
            else
            {
                diagnostics.Add(Invalid("MSBuild property 'AccountLinkGenNamespace'", configured, NamespaceRule));
            }
        }

        string accessibility = "public";
        if (options.TryGetValue(AccessibilityProperty, out string? access) && !string.IsNullOrWhiteSpace(access))
        {
            switch (access!.Trim().ToLowerInvariant())
            {
                case "public":
                    break;
                case "internal":
                    accessibility = "internal";
                    break;
                default:
                    diagnostics.Add(Invalid("MSBuild property 'AccountLinkGenAccessibility'", access, "it must be 'public' or 'internal'"));
                    break;
            }
        }

        CompatibilityMode compatibility = CompatibilityMode.None;
        if (options.TryGetValue(CompatibilityProperty, out string? mode) && !string.IsNullOrWhiteSpace(mode))
        {
            switch (mode!.Trim().ToLowerInvariant())
            {
                case "none":
                    break;
                case "stripenet":
                    compatibility = CompatibilityMode.StripeNet;
                    break;
                default:
                    diagnostics.Add(Invalid("MSBuild property 'AccountLinkGenCompatibility'", mode, "it must be 'StripeNet', 'None' or empty"));
                    break;
            }
        }

        if (options.TryGetValue(MissingSpecsProperty, out string? missing) && !string.IsNullOrWhiteSpace(missing))
        {
            foreach (string path in missing!.Split(new[] { MissingSpecsSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.SpecFileNotFound, null, new[] { path.Trim() }.ToEquatableArray()));
            }
        }

        if (options.TryGetValue(MissingOverlaysProperty, out string? missingOverlays) && !string.IsNullOrWhiteSpace(missingOverlays))
        {
            foreach (string entry in missingOverlays!.Split(new[] { MissingSpecsSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                // 'path>spec', as the build targets write a missing overlay ('#' and '%' escaped as in Operations).
                string unescaped = UnescapeOperations(entry);
                int split = unescaped.LastIndexOf('>');
                string path = split < 0 ? unescaped : unescaped.Substring(0, split);
                string spec = split < 0 ? string.Empty : unescaped.Substring(split + 1);
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.OverlayNotApplied, null, new[] { path.Trim(), spec.Trim(), "the file does not exist; check the Include path, which is relative to the project file" }.ToEquatableArray()));
            }
        }

        return new GeneratorOptions(ns, accessibility, diagnostics.ToEquatableArray(), compatibility);
    }

    public static CompilationFacts ReadFacts(Compilation compilation)
    {
        int languageVersion = compilation is CSharpCompilation csharp ? (int)csharp.LanguageVersion : 0;
        var missing = new List<string>();
        foreach (string name in CompilationFacts.PolyfilledAttributes)
        {
            if (!HasAccessibleType(compilation, name))
            {
                missing.Add(name);
            }
        }

        missing.Sort(StringComparer.Ordinal);
        return new CompilationFacts(
            languageVersion,
            HasAccessibleType(compilation, "AccountLinkGen.FormWriter"),
            HasAccessibleType(compilation, "AccountLinkGen.IStripeClient"),
            HasAccessibleType(compilation, CompilationFacts.ServiceCollectionType),
            HasAccessibleType(compilation, CompilationFacts.ClientRegistrationType),
            missing.ToEquatableArray());
    }

    // GetTypeByMetadataName returns null when several assemblies define a type (internal polyfills often do).
    private static bool HasAccessibleType(Compilation compilation, string metadataName)
    {
        foreach (INamedTypeSymbol type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                return true;
            }
        }

        return false;
    }

    public const string NamespaceRule = "it must be a dotted C# namespace such as 'MyCompany.Stripe'";

    private static DiagnosticInfo Invalid(string property, string value, string reason) =>
        new(DiagnosticDescriptors.InvalidOption, null, new[] { property, value, reason }.ToEquatableArray());

    /// <summary>A dotted C# namespace of identifiers that are not keywords.</summary>
    public static bool IsValidNamespace(string value)
    {
        foreach (string part in value.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }
}
