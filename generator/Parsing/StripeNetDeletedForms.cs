using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: folds each resource's deleted form into the resource, as
/// Stripe.net has it. <c>CustomerService.Get</c> and <c>Delete</c> return a <c>Customer</c>, an expanded customer is a
/// <c>Customer</c>, and a deleted one is read into it with <c>Deleted == true</c> (the mode reads every field
/// leniently, so the few fields a deleted form has are enough). The generator's own shape keeps the deleted form
/// (<c>DeletedCustomer</c>) and the union of both (<c>CustomerOrDeletedCustomer</c>) as types of their own; in this
/// mode neither is generated, and every use of them names the resource.
/// </summary>
/// <remarks>
/// A deleted form is known by the spec: a union whose objects are one resource and deleted forms
/// (<see cref="ResponseVariantModel.Deleted"/>), or an object table entry with <c>deleted: true</c> that shares its
/// <c>object</c> value with a live resource. A union of two live resources (a payment source) is kept.
/// </remarks>
internal static class StripeNetDeletedForms
{
    public static SpecModel Apply(SpecModel spec)
    {
        Dictionary<string, string> folded = Plan(spec);
        if (folded.Count == 0)
        {
            return spec;
        }

        var live = new HashSet<string>(folded.Values, StringComparer.Ordinal);
        SpecModel kept = spec with
        {
            Responses = spec.Responses
                .Where(r => !folded.ContainsKey(r.Name))
                .Select(r => live.Contains(r.Name) ? WithDeleted(r) : r)
                .ToEquatableArray(),
        };
        return StripeNetNamespaces.Rename(kept, folded);
    }

    /// <summary>Each deleted form and each deleted-or-live union, with the resource it folds into.</summary>
    private static Dictionary<string, string> Plan(SpecModel spec)
    {
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ResponseModel union in spec.Responses.Where(r => r.Variants.Count > 0))
        {
            ResponseVariantModel[] living = union.Variants.Where(v => !v.Deleted).ToArray();
            if (living.Length != 1)
            {
                continue;
            }

            folded[union.Name] = living[0].TypeName;
            foreach (ResponseVariantModel deleted in union.Variants.Where(v => v.Deleted && v.TypeName != living[0].TypeName))
            {
                folded[deleted.TypeName] = living[0].TypeName;
            }
        }

        if (spec.ObjectTable is { } table)
        {
            var byObject = table.Entries.Where(e => !e.Deleted).ToDictionary(e => e.ObjectValue, e => e.TypeName, StringComparer.Ordinal);
            foreach (ObjectTableEntry deleted in table.Entries.Where(e => e.Deleted))
            {
                if (byObject.TryGetValue(deleted.ObjectValue, out string? resource) && resource != deleted.TypeName)
                {
                    folded[deleted.TypeName] = resource;
                }
            }
        }

        // A resource is never folded away, even where a spec names a live object as a deleted form's.
        foreach (string resource in folded.Values.ToArray())
        {
            folded.Remove(resource);
        }

        return folded;
    }

    /// <summary>The resource with Stripe.net's <c>Deleted</c>, which a deleted form reads as true; kept where the spec has one.</summary>
    private static ResponseModel WithDeleted(ResponseModel model)
    {
        if (model.Properties.Any(p => p.WireName == "deleted" || p.Name == Naming.DeletedMember))
        {
            return model;
        }

        var deleted = new ResponsePropertyModel(
            "deleted",
            Naming.DeletedMember,
            new TypeRef(TypeKind.Boolean),
            Required: false,
            "Whether the object was deleted: true when Stripe returned its deleted form; else null.");
        return model with { Properties = model.Properties.Append(deleted).OrderBy(p => p.WireName, StringComparer.Ordinal).ToEquatableArray() };
    }
}
