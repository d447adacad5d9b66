using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AccountLinkGen.CodeFixes;

/// <summary>
/// What a <c>[ReplacedBy]</c> property path means at one assignment: the chain of properties to walk from the
/// receiver (every one but the last holds an object the fix may have to create) and the enum member to store in
/// the last. Everything is found through symbols; nothing here knows a generated name.
/// </summary>
internal sealed class ReplacementTarget
{
    private ReplacementTarget(ImmutableArray<IPropertySymbol> properties, IFieldSymbol member)
    {
        Properties = properties;
        Member = member;
    }

    /// <summary>The properties along the path, outermost first; never empty.</summary>
    public ImmutableArray<IPropertySymbol> Properties { get; }

    /// <summary>The counterpart of the assigned enum member in the replacement's enum.</summary>
    public IFieldSymbol Member { get; }

    /// <summary>
    /// Resolves <paramref name="propertyPath"/> on <paramref name="receiverType"/> for the value assigned by
    /// <paramref name="value"/>, or returns <see langword="null"/> when no faithful rewrite exists: the value is
    /// not a constant enum member, the replacement enum has no member of that name, or a property along the path
    /// cannot be set (or its object cannot be created) at <paramref name="position"/>.
    /// </summary>
    /// <param name="outsideInitializer">The rewrite reads and writes the properties in statements, so
    /// init-only setters do not qualify and intermediate properties need a getter.</param>
    public static ReplacementTarget? Resolve(
        SemanticModel model,
        ITypeSymbol receiverType,
        string propertyPath,
        ExpressionSyntax value,
        int position,
        bool outsideInitializer,
        CancellationToken cancellationToken)
    {
        if (GetEnumMember(model, value, cancellationToken) is not { } sourceMember)
        {
            return null;
        }

        var segments = propertyPath.Split('.');
        var properties = ImmutableArray.CreateBuilder<IPropertySymbol>(segments.Length);
        var type = receiverType;
        for (var i = 0; i < segments.Length; i++)
        {
            if (FindProperty(type, segments[i]) is not { } property
                || !CanSet(model, property, position, outsideInitializer))
            {
                return null;
            }

            var isLast = i == segments.Length - 1;
            if (!isLast && !CanCreate(model, property, position, outsideInitializer))
            {
                return null;
            }

            properties.Add(property);
            type = property.Type;
        }

        // The leaf is the replacement enum, usually nullable because the parameter is optional.
        if (UnwrapNullable(type) is not INamedTypeSymbol { TypeKind: TypeKind.Enum } targetEnum)
        {
            return null;
        }

        foreach (var member in targetEnum.GetMembers(sourceMember.Name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } counterpart)
            {
                return new ReplacementTarget(properties.MoveToImmutable(), counterpart);
            }
        }

        return null;
    }

    /// <summary>The type an object-creating rewrite names: annotations and <c>Nullable&lt;T&gt;</c> stripped.</summary>
    public static ITypeSymbol CreatableType(IPropertySymbol property) =>
        UnwrapNullable(property.Type).WithNullableAnnotation(NullableAnnotation.NotAnnotated);

    private static IFieldSymbol? GetEnumMember(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var operation = model.GetOperation(value, cancellationToken);
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation is IFieldReferenceOperation
        {
            Field: { HasConstantValue: true, ContainingType.TypeKind: TypeKind.Enum } field,
        }
            ? field
            : null;
    }

    private static IPropertySymbol? FindProperty(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property)
                {
                    return property;
                }
            }
        }

        return null;
    }

    private static bool CanSet(SemanticModel model, IPropertySymbol property, int position, bool outsideInitializer) =>
        property.SetMethod is { } setter
        && model.IsAccessible(position, setter)
        && !(outsideInitializer && setter.IsInitOnly);

    private static bool CanCreate(SemanticModel model, IPropertySymbol property, int position, bool outsideInitializer)
    {
        if (outsideInitializer && (property.GetMethod is not { } getter || !model.IsAccessible(position, getter)))
        {
            return false;
        }

        // `??=` and `new T { … }` both need a reference type with an accessible parameterless constructor and
        // no required members the rewrite would leave unset.
        if (CreatableType(property) is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } type)
        {
            return false;
        }

        var hasConstructor = false;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.IsEmpty && model.IsAccessible(position, constructor))
            {
                hasConstructor = true;
                break;
            }
        }

        return hasConstructor && !HasRequiredMembers(type);
    }

    private static bool HasRequiredMembers(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;
}
