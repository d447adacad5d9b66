using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AccountLinkGen.Analyzers;

/// <summary>
/// Reports ALG1001 wherever user code assigns a property that carries <c>AccountLinkGen.ReplacedByAttribute</c>,
/// in object initializers and in assignment expressions alike. The attribute alone decides: the analyzer knows no
/// parameter or type names, so every deprecation the spec marks with <c>x-accountLinkGen-replacedBy</c> is covered.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReplacedByAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Metadata name of the runtime attribute the generator emits on deprecated properties.</summary>
    public const string ReplacedByAttributeMetadataName = "AccountLinkGen.ReplacedByAttribute";

    /// <summary>Key in <see cref="Diagnostic.Properties"/> holding the replacement's dotted C# property path.</summary>
    public const string PropertyPathKey = "PropertyPath";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(AnalyzerDescriptors.UseReplacement);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // More than one definition is possible (a source copy beside the runtime); any of them counts.
            var attributeTypes = start.Compilation.GetTypesByMetadataName(ReplacedByAttributeMetadataName);
            if (attributeTypes.IsEmpty)
            {
                // Without the attribute no property can carry it: register nothing and cost nothing.
                return;
            }

            start.RegisterOperationAction(
                context => AnalyzeAssignment(context, attributeTypes),
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.CoalesceAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> attributeTypes)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } target)
        {
            return;
        }

        var replacement = FindReplacementPath(property.OriginalDefinition, attributeTypes);
        if (replacement is null)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(PropertyPathKey, replacement);
        context.ReportDiagnostic(Diagnostic.Create(
            AnalyzerDescriptors.UseReplacement,
            target.Syntax.GetLocation(),
            properties,
            property.Name,
            replacement));
    }

    /// <summary>The property path of the property's <c>[ReplacedBy]</c>, or <see langword="null"/> without one.</summary>
    private static string? FindReplacementPath(IPropertySymbol property, ImmutableArray<INamedTypeSymbol> attributeTypes)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass || !Contains(attributeTypes, attributeClass))
            {
                continue;
            }

            // (parameterPath, propertyPath); fall back to the wire path if the C# path is missing.
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length == 2)
            {
                if (arguments[1].Value is string { Length: > 0 } propertyPath)
                {
                    return propertyPath;
                }

                if (arguments[0].Value is string { Length: > 0 } parameterPath)
                {
                    return parameterPath;
                }
            }

            return "its replacement";
        }

        return null;
    }

    private static bool Contains(ImmutableArray<INamedTypeSymbol> types, INamedTypeSymbol type)
    {
        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, type))
            {
                return true;
            }
        }

        return false;
    }
}
