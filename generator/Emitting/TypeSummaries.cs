using System;
using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// The summary of a generated type the spec gives no description of its own. A type's summary describes the
/// type, never one of the fields that hold it (a type shared by many fields would otherwise say what the first one
/// read means), so it names where the type is used: every parameter, field and operation, in model order, linked.
/// </summary>
internal sealed class TypeSummaries
{
    /// <summary>Uses named one by one; the rest are counted.</summary>
    private const int Listed = 3;

    // Type name → where it is used, as doc markup (a cref to a member, or an operation in <c>).
    private readonly Dictionary<string, List<string>> _uses = new(StringComparer.Ordinal);

    public TypeSummaries(SpecModel spec)
    {
        var calls = new HashSet<string>(StringComparer.Ordinal);
        foreach (OperationModel operation in spec.Operations)
        {
            string call = $"<c>{DocText.EscapeXml(operation.HttpMethod + " " + operation.Path)}</c>";
            if (!calls.Add(call))
            {
                continue; // An overload of an operation already counted (Stripe.net's Get() beside Get(options)).
            }

            if (operation.OptionsClass is { } options)
            {
                Add(options, call);
            }

            Add(Target(operation.Response), "the response of " + call);
        }

        foreach (OptionsClassModel model in spec.OptionsClasses)
        {
            foreach (PropertyModel property in model.Properties)
            {
                Add(Target(property.Type), Cref(model.Name, property.Name));
            }
        }

        foreach (ResponseModel model in spec.Responses)
        {
            foreach (ResponsePropertyModel property in model.Properties)
            {
                // An expandable field's object is in the property beside its ID.
                Add(Target(property.Type), Cref(model.Name, property.ExpandedName ?? property.Name));
            }

            foreach (ResponseVariantModel variant in model.Variants)
            {
                Add(variant.TypeName, Cref(model.Name, variant.PropertyName));
            }
        }
    }

    public string For(OptionsClassModel model) => Sentence("The parameters of ", model.Name, "Parameters of a Stripe API request.");

    public string For(EnumModel model) => Sentence("The values of ", model.Name, "A value Stripe names with a string.");

    public string For(ResponseModel model)
    {
        if (model.Variants.Count == 0)
        {
            return Sentence("The object in ", model.Name, "An object Stripe answers with.");
        }

        var objects = new List<string>();
        foreach (ResponseVariantModel variant in model.Variants)
        {
            string value = DocText.EscapeXml(variant.ObjectValue);
            objects.Add(variant.Deleted ? "a deleted " + value : English.WithArticle(value));
        }

        return $"One of these objects: {English.List(objects, "or")}. The property of the one that came back is set; the others are null.";
    }

    private string Sentence(string lead, string typeName, string unused)
    {
        if (!_uses.TryGetValue(typeName, out List<string>? uses))
        {
            return unused;
        }

        // "and 1 more" would be longer than naming it.
        if (uses.Count <= Listed + 1)
        {
            return lead + English.List(uses, "and") + ".";
        }

        return lead + string.Join(", ", uses.GetRange(0, Listed)) + " and " + Naming.Invariant(uses.Count - Listed) + " more.";
    }

    private void Add(string? typeName, string use)
    {
        if (typeName is null)
        {
            return;
        }

        if (!_uses.TryGetValue(typeName, out List<string>? uses))
        {
            _uses.Add(typeName, uses = new List<string>());
        }

        uses.Add(use);
    }

    private static string Cref(string typeName, string memberName) => $"<see cref=\"{typeName}.{memberName}\"/>";

    /// <summary>The generated type a parameter or field holds, directly or as the items or values it holds; null for scalars.</summary>
    private static string? Target(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.OpenEnum => type.Name,
        TypeKind.Array or TypeKind.Map or TypeKind.Expandable or TypeKind.List or TypeKind.SearchResult => type.Item is { } item ? Target(item) : null,
        _ => null,
    };
}
