using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AccountLinkGen.Analyzers;

/// <summary>
/// Reports a string constant given to a parameter that carries <c>AccountLinkGen.StripeValuesAttribute</c> (an enum
/// parameter typed as a string, as the Stripe.net compatibility mode types them) when it is none of the values the
/// spec lists: ALG1002 where they are all the parameter accepts, ALG1003 (information) where Stripe accepts more.
/// Assignments, object initializers and the items of a collection initializer given to the parameter are checked;
/// a variable or any other expression is not. What Stripe.net finds out from a 400, this finds at the literal.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StripeValuesAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Metadata name of the runtime attribute the generator emits on such parameters.</summary>
    public const string StripeValuesAttributeMetadataName = "AccountLinkGen.StripeValuesAttribute";

    /// <summary>Key in <see cref="Diagnostic.Properties"/> holding the nearest listed values, one per line.</summary>
    public const string NearestKey = "Nearest";

    private const int MaxNearest = 3;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(AnalyzerDescriptors.NotAListedValue, AnalyzerDescriptors.NotAKnownValue);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var attributeTypes = start.Compilation.GetTypesByMetadataName(StripeValuesAttributeMetadataName);
            if (attributeTypes.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeAssignment(context, attributeTypes), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> attributeTypes)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } || Values(property.OriginalDefinition, attributeTypes) is not { } values)
        {
            return;
        }

        foreach (IOperation given in Given(assignment.Value))
        {
            // An empty string clears a field where the spec allows it, and Validate() judges it either way.
            if (given.ConstantValue is { HasValue: true, Value: string { Length: > 0 } text } && Array.IndexOf(values.Listed, text) < 0)
            {
                string[] nearest = Nearest(text, values.Listed);
                string hint = nearest.Length > 0 ? "; did you mean " + string.Join(" or ", nearest.Select(n => "'" + n + "'")) + "?" : string.Empty;
                context.ReportDiagnostic(Diagnostic.Create(
                    values.Closed ? AnalyzerDescriptors.NotAListedValue : AnalyzerDescriptors.NotAKnownValue,
                    given.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(NearestKey, string.Join("\n", nearest)),
                    text,
                    property.Name,
                    hint));
            }
        }
    }

    /// <summary>The value itself, or the items a collection initializer adds (<c>new List&lt;string&gt; { "a" }</c>).</summary>
    private static IEnumerable<IOperation> Given(IOperation value)
    {
        IOperation unwrapped = value is IConversionOperation conversion ? conversion.Operand : value;
        if (unwrapped is IObjectCreationOperation { Initializer: IObjectOrCollectionInitializerOperation initializer })
        {
            foreach (IOperation element in initializer.Initializers)
            {
                if (element is IInvocationOperation { Arguments.Length: 1 } add)
                {
                    yield return add.Arguments[0].Value;
                }
            }

            yield break;
        }

        yield return unwrapped;
    }

    /// <summary>The values of the property's <c>[StripeValues]</c>, or null without one.</summary>
    private static (bool Closed, string[] Listed)? Values(IPropertySymbol property, ImmutableArray<INamedTypeSymbol> attributeTypes)
    {
        foreach (AttributeData attribute in property.GetAttributes())
        {
            ImmutableArray<TypedConstant> arguments = attribute.ConstructorArguments;
            if (attribute.AttributeClass is { } type && attributeTypes.Contains(type, SymbolEqualityComparer.Default)
                && arguments.Length == 2 && arguments[0].Value is bool closed && arguments[1].Kind == TypedConstantKind.Array)
            {
                return (closed, arguments[1].Values.Select(v => v.Value as string).OfType<string>().ToArray());
            }
        }

        return null;
    }

    /// <summary>
    /// The listed values closest to <paramref name="text"/>, ignoring case (also what a code fix would offer): at most three, each within a third of its
    /// length in edits (at least 2), nearest first.
    /// </summary>
    public static string[] Nearest(string text, string[] listed) =>
        listed.Select(v => (Value: v, Distance: Distance(text.ToLowerInvariant(), v.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, c.Value.Length / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Value, StringComparer.Ordinal)
            .Take(MaxNearest)
            .Select(c => c.Value)
            .ToArray();

    /// <summary>The Levenshtein distance: insertions, deletions and substitutions that turn one into the other.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
