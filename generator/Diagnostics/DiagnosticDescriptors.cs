using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, in one place. The parser and the emitters name a descriptor by its field
/// (never by its ID string); IDs are tracked in AnalyzerReleases.*.md, and each help link opens the README section
/// that explains the diagnostic and what to do about it (<see cref="HelpLinks"/>).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "AccountLinkGen";


    public static readonly DiagnosticDescriptor NotOpenApi3 = new(
        id: "ALG0001",
        title: "Spec file is not an OpenAPI 3 document",
        messageFormat: "'{0}' is not an OpenAPI 3 document: {1}. Give the file a top-level 'openapi: 3.0.x' field, or remove it from AccountLinkGenSpec.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The file was read, but it is not an OpenAPI 3.0 document: it is Swagger 2.0, has no 'openapi' field or no 'paths'. Nothing is generated from it.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0001"));

    public static readonly DiagnosticDescriptor SpecSyntaxError = new(
        id: "ALG0002",
        title: "Spec file cannot be read",
        messageFormat: "The spec cannot be read: {0}. Fix the YAML or JSON syntax here.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The YAML or JSON reader stopped at this position (an unclosed bracket, a bad indentation, a value where a mapping belongs). Nothing is generated from the file until it reads.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0002"));

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        id: "ALG0003",
        title: "Unresolved $ref",
        messageFormat: "'{0}' refers to '{1}', which the spec does not define; {2} is skipped. Add the schema under components/schemas or fix the reference.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A $ref names a schema the document does not have. The parameter, field or operation that uses it is skipped; the rest is generated.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0003"));

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        id: "ALG0004",
        title: "Unsupported schema shape",
        messageFormat: "'{0}' has a shape the generator does not support ({1}); {2} is skipped",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "No C# member can express this shape with Stripe's form encoding (for example a union of two objects, a list of lists, a multipart body). Only what the message names is skipped.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0004"));

    public static readonly DiagnosticDescriptor DuplicateName = new(
        id: "ALG0005",
        title: "Two spec elements get the same C# name",
        messageFormat: "'{0}' would be generated for both {1} and {2}; {2} is skipped. Rename one of them in the spec (operationId, title or x-resourceId).",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Two parameters, fields, types or service methods would get one C# name. The first keeps it and the second is skipped, so that the generated code compiles.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0005"));

    public static readonly DiagnosticDescriptor InvalidOption = new(
        id: "ALG0006",
        title: "Invalid AccountLinkGen option",
        messageFormat: "The {0} has the invalid value '{1}': {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An MSBuild property (AccountLinkGenNamespace, AccountLinkGenAccessibility, AccountLinkGenCompatibility) or the metadata of an AccountLinkGenSpec item (Namespace, Operations) has a value the generator cannot use. Its default applies instead.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0006"));

    public static readonly DiagnosticDescriptor SpecFileNotFound = new(
        id: "ALG0007",
        title: "Spec file not found",
        messageFormat: "The AccountLinkGenSpec item '{0}' does not exist. Check the Include path; it is relative to the project file.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An AccountLinkGenSpec item names a file that does not exist, so nothing is generated from it.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0007"));

    public static readonly DiagnosticDescriptor LanguageVersionTooOld = new(
        id: "ALG0008",
        title: "C# language version too old for the generated code",
        messageFormat: "The generated client needs C# 11 or later (it uses required members); this project compiles with C# {0}. Set <LangVersion>11</LangVersion> or later.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated options classes use required members, which need C# 11. This one diagnostic replaces the errors the generated code would give.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0008"));

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = new(
        id: "ALG0009",
        title: "AccountLinkGen.Runtime is not referenced",
        messageFormat: "AccountLinkGen.Runtime is not referenced, so only models are generated from '{0}' (no form encoders, validators or services). Add a PackageReference to AccountLinkGen.Runtime.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The encoders, validators and services call AccountLinkGen.Runtime. Without it only enums, options classes and response models are generated.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0009"));

    public static readonly DiagnosticDescriptor GenerationFailed = new(
        id: "ALG0010",
        title: "The generator could not process a spec",
        messageFormat: "The generator could not process '{0}': {1}. Please report this with the spec attached.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator failed on this spec in a way it does not expect: this is a bug. Nothing is generated from the file; the message names the exception and where it was thrown.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0010"));

    public static readonly DiagnosticDescriptor NoOperations = new(
        id: "ALG0011",
        title: "No operation generated",
        messageFormat: "'{0}' yields no operation (it defines no operation the generator can express)",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The spec has no operation, or every operation was skipped for a reason reported beside this error. The build fails rather than succeed with nothing to call.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0011"));

    public static readonly DiagnosticDescriptor SimplifiedResponseField = new(
        id: "ALG0012",
        title: "Response field simplified",
        messageFormat: "{0}: expandable or polymorphic, generated as the ID string (expand it with a separate call)",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A response field that can hold an object was generated as its ID only, because no wrapper could be named for the objects. The field still reads; the objects are not kept.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0012"));

    public static readonly DiagnosticDescriptor UnmatchedFilterEntry = new(
        id: "ALG0013",
        title: "Operations entry matches no operation",
        messageFormat: "The Operations entry '{0}' matches no operation of '{1}'. Check its spelling against the spec: an operationId is case-sensitive (PostAccountLinks), a path glob starts with '/' (/v1/customers/**).",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An entry of an AccountLinkGenSpec item's Operations metadata selects nothing, most often because of a misspelled operationId.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0013"));

    public static readonly DiagnosticDescriptor SpecsClash = new(
        id: "ALG0014",
        title: "Two specs generate the same types in one namespace",
        messageFormat: "'{0}' would generate types that '{1}' already generates in namespace '{2}' ({3}), so '{0}' is not generated. Give each AccountLinkGenSpec item its own namespace: <AccountLinkGenSpec Include=\"...\" Namespace=\"MyApp.Stripe.Other\" />.",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Two spec files would generate types of one name into one namespace. The first file (in path order) is generated; the second is not until it has its own Namespace.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0014"));

    public static readonly DiagnosticDescriptor InvalidExtension = new(
        id: "ALG0015",
        title: "A spec extension names a parameter that does not exist",
        messageFormat: "'{0}' on {1} names '{2}', which {3}; {4}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An x-accountLinkGen-* extension (mutuallyExclusive, replacedBy) names a parameter the options class does not have, so the rule it states cannot be generated. Fix the name in the spec.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0015"));

    public static readonly DiagnosticDescriptor ReferenceCycle = new(
        id: "ALG0016",
        title: "A $ref leads back to itself",
        messageFormat: "'{0}' is a $ref that leads back to itself through other $refs without ever reaching a schema; {1} is skipped",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A chain of $refs (a schema that is only a $ref to another one, and so on) comes back to where it started. No schema is ever reached, so what uses it cannot be generated.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0016"));

    public static readonly DiagnosticDescriptor ParametersOverrideNotSent = new(
        id: "ALG0017",
        title: "A parameter-override placeholder describes parameters no operation takes",
        messageFormat: "'{0}' is a placeholder that describes parameters of {1}, not an endpoint, so nothing calls it; {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Stripe's SDK spec writes the parameters one kind of object takes in an operation (a card's update) as a path of its own that contains 'x-stripeParametersOverride_'. No request goes to such a path; its parameters are sent through the operation that names it in parameters_override_by_path. This one names parameters that operation does not take, or no operation names it.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0017"));

    public static readonly DiagnosticDescriptor OverlayNotApplied = new(
        id: "ALG0018",
        title: "A spec overlay cannot be applied",
        messageFormat: "The overlay '{0}' cannot be applied to '{1}': {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An AccountLinkGenOverlay item adds the paths and schemas of a small OpenAPI document to a spec (endpoints the published spec does not have yet). It is a whole OpenAPI 3 document whose $refs resolve within it, it names a spec of the project by file name, and it only adds: a path or schema the spec already has is not replaced. What cannot be added is left out, and the rest of the spec is generated.",
        helpLinkUri: HelpLinks.For(PackageInfo.RepositoryUrl, "ALG0018"));
}
