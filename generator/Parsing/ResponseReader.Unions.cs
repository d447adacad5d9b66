using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Stripe's polymorphic responses: an <c>anyOf</c> of objects that their <c>object</c> field tells apart (and
/// <c>deleted: true</c>, which a deleted object adds to its live type's value), such as a customer or a deleted
/// customer, or any payment source. Such a union becomes a wrapper model with one property per object; reading it
/// fills the one that came back.
/// </summary>
internal sealed partial class ResponseReader
{
    private const int MaxUnionVariants = 64;

    /// <summary>
    /// Reads a union of objects into its wrapper model and returns the wrapper's name; null, with nothing reported
    /// or registered, when the schema is not such a union (fewer than two objects, another shape among them, or two
    /// objects with one <c>object</c> value).
    /// </summary>
    /// <param name="orId">Whether the union also allows an ID string (the field is expandable).</param>
    private string? ReadUnion(OpenApiSchema schema, string fallbackName, string pointer, out bool orId)
    {
        orId = false;
        var variants = new List<(OpenApiSchema Schema, string Pointer)>();
        if (!CollectObjectVariants(schema, pointer, variants, ref orId, depth: 0) || variants.Count < 2)
        {
            return null;
        }

        var discriminators = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (variant, _) in variants)
        {
            if (StripeConventions.ObjectValue(variant) is not { } value || !discriminators.Add(value + (StripeConventions.IsDeleted(variant) ? "/deleted" : string.Empty)))
            {
                return null;
            }
        }

        string name = _names.UnionName(schema, fallbackName);
        if (!Begin(name))
        {
            return name;
        }

        List<ResponseVariantModel>? members;
        try
        {
            members = ReadVariants(name, variants);
        }
        finally
        {
            _inProgress.Remove(name);
        }

        if (members is null)
        {
            return null;
        }

        var model = new ResponseModel(name, StripeConventions.OwnDescription(schema), EquatableArray<ResponsePropertyModel>.Empty, members.ToEquatableArray());
        if (!_types.TryAddResponse(model))
        {
            _diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, name, "another generated type", "this response model");
            return null;
        }

        return name;
    }

    /// <summary>Reads each object of a union wrapper; null when one cannot be read or two would share a property name.</summary>
    private List<ResponseVariantModel>? ReadVariants(string name, List<(OpenApiSchema Schema, string Pointer)> variants)
    {
        var members = new List<ResponseVariantModel>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (variant, variantPointer) in variants)
        {
            string? type = Read(variant, Naming.UnionVariantClass(name, members.Count + 1), variantPointer);
            string? property = type is null ? null : Naming.Member(type, name, Naming.ResponseMembers);
            if (property is null || !usedNames.Add(property))
            {
                return null;
            }

            members.Add(new ResponseVariantModel(type!, property, StripeConventions.ObjectValue(variant)!, StripeConventions.IsDeleted(variant)));
        }

        return members;
    }

    /// <summary>The union's objects, nested unions (<c>payment_source</c> inside a response's <c>anyOf</c>) flattened.</summary>
    private bool CollectObjectVariants(OpenApiSchema schema, string pointer, List<(OpenApiSchema, string)> into, ref bool orId, int depth)
    {
        string keyword = schema.AnyOf.Count > 0 ? "anyOf" : "oneOf";
        IList<OpenApiSchema> variants = schema.AnyOf.Count > 0 ? schema.AnyOf : schema.OneOf;
        if (depth > StripeConventions.MaxDepth || schema.AllOf.Count > 0 || (schema.AnyOf.Count > 0 && schema.OneOf.Count > 0))
        {
            return false;
        }

        for (int i = 0; i < variants.Count; i++)
        {
            OpenApiSchema? variant = variants[i] is { } declared ? _references.Follow(declared) : null;
            string variantPointer = pointer + "/" + keyword + "/" + Naming.Invariant(i);
            if (variant is null || variant.UnresolvedReference)
            {
                return false;
            }

            if (variant is { Type: "string", Enum.Count: 0 } && depth == 0)
            {
                orId = true;
            }
            else if (variant.Properties.Count == 0 && variant.AnyOf.Count + variant.OneOf.Count > 0)
            {
                if (!CollectObjectVariants(variant, variantPointer, into, ref orId, depth + 1))
                {
                    return false;
                }
            }
            else if (variant is { Type: "object" or null, Properties.Count: > 0, AnyOf.Count: 0, OneOf.Count: 0, AllOf.Count: 0 })
            {
                if (!into.Any(v => ReferenceEquals(v.Item1, variant)))
                {
                    into.Add((variant, variantPointer));
                }
            }
            else
            {
                return false;
            }

            if (into.Count > MaxUnionVariants)
            {
                return false;
            }
        }

        return true;
    }

    private string? Skip(string pointer, string owner, string reason, string skipped)
    {
        _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, owner, reason, skipped);
        return null;
    }
}
