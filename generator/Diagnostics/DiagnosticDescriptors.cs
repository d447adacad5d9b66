using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs are tracked in AnalyzerReleases.*.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "AccountLinkGen";

    public static readonly DiagnosticDescriptor NotOpenApi3 = new(
        "ALG0001",
        "Spec file is not an OpenAPI 3 document",
        "'{0}' is not an OpenAPI 3 document: {1}. Give the file a top-level 'openapi: 3.0.x' field, or remove it from AccountLinkGenSpec.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecSyntaxError = new(
        "ALG0002",
        "Spec file cannot be read",
        "The spec cannot be read: {0}. Fix the YAML or JSON syntax at this position.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "ALG0003",
        "Unresolved $ref",
        "'{0}' refers to '{1}', which the spec does not define; {2} is skipped. Add the schema under components/schemas or fix the reference.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        "ALG0004",
        "Unsupported schema shape",
        "'{0}' has a shape the generator does not support ({1}); {2} is skipped",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "ALG0005",
        "Two spec elements get the same C# name",
        "'{0}' would be generated for both {1} and {2}; {2} is skipped. Rename one of them in the spec (operationId, title or x-resourceId).",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "ALG0006",
        "Invalid AccountLinkGen option",
        "The MSBuild property '{0}' has the invalid value '{1}': {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecFileNotFound = new(
        "ALG0007",
        "Spec file not found",
        "The AccountLinkGenSpec item '{0}' does not exist. Check the Include path; it is relative to the project file.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor LanguageVersionTooOld = new(
        "ALG0008",
        "C# language version too old for the generated code",
        "The generated client needs C# 11 or later (it uses required members); this project compiles with C# {0}. Set <LangVersion>11</LangVersion> or later.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = new(
        "ALG0009",
        "AccountLinkGen.Runtime is not referenced",
        "AccountLinkGen.Runtime is not referenced, so only models are generated from '{0}' (no form encoders, validators or services). Add a PackageReference to AccountLinkGen.Runtime.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenerationFailed = new(
        "ALG0010",
        "The generator could not process a spec",
        "The generator could not process '{0}': {1}. Please report this with the spec attached.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoOperations = new(
        "ALG0011",
        "No operation generated",
        "'{0}' yields no operation{1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SimplifiedResponseField = new(
        "ALG0012",
        "Response field simplified",
        "{0}: expandable or polymorphic, generated as {1}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnmatchedFilterEntry = new(
        "ALG0013",
        "Operations entry matches no operation",
        "The Operations entry '{0}' matches no operation of '{1}'. Check its spelling against the spec: an operationId is case-sensitive (PostAccountLinks), a path glob starts with '/' (/v1/customers/**).",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecsClash = new(
        "ALG0014",
        "Two specs generate the same types in one namespace",
        "'{0}' would generate types that '{1}' already generates in namespace '{2}' ({3}), so '{0}' is not generated. Give each AccountLinkGenSpec item its own namespace: <AccountLinkGenSpec Include=\"...\" Namespace=\"MyApp.Stripe.Other\" />.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index(
        NotOpenApi3, SpecSyntaxError, UnresolvedReference, UnsupportedSchema, DuplicateName, InvalidOption,
        SpecFileNotFound, LanguageVersionTooOld, RuntimeNotReferenced, GenerationFailed, NoOperations,
        SimplifiedResponseField, UnmatchedFilterEntry, SpecsClash);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            map.Add(descriptor.Id, descriptor);
        }

        return map;
    }
}
