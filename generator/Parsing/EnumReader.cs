using System;
using System.Collections.Generic;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>Reads a string enum into an <see cref="EnumModel"/>: closed, or open where Stripe does not validate it.</summary>
internal sealed class EnumReader
{
    private readonly GeneratedTypes _types;
    private readonly ParseDiagnostics _diagnostics;

    public EnumReader(GeneratedTypes types, ParseDiagnostics diagnostics)
    {
        _types = types;
        _diagnostics = diagnostics;
    }

    /// <summary>Registers the enum under its name, else its fallback name; null (and ALG0005) when both are taken.</summary>
    public TypeRef? Read(TypeName names, OpenApiSchema schema, string pointer, string? description)
    {
        string name = names.Name;
        string fallbackName = names.Fallback ?? name;
        bool open = StripeConventions.IsOpenEnum(schema);
        var members = new List<EnumMemberModel>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (IOpenApiAny value in schema.Enum)
        {
            if (value is not OpenApiString text)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/enum", name, "a non-string enum value", "the value");
                continue;
            }

            // A value listed twice adds nothing (JSON Schema asks for unique values); keeping both would give two
            // members one wire name, which the wire-name table rejects.
            if (wireNames.Add(text.Value))
            {
                members.Add(new EnumMemberModel(text.Value, MemberName(text.Value, name, open, memberNames)));
            }
        }

        var model = new EnumModel(name, DocText.Normalize(description ?? StripeConventions.OwnDescription(schema)), open, members.ToEquatableArray());
        TypeKind kind = open ? TypeKind.OpenEnum : TypeKind.Enum;
        if (_types.TryAddEnum(model) || CoveredBy(_types.EnumNamed(name), model))
        {
            return new TypeRef(kind, name);
        }

        if (_types.TryAddEnum(model with { Name = fallbackName }))
        {
            return new TypeRef(kind, fallbackName);
        }

        _diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, fallbackName, "another generated type", "this enum");
        return null;
    }

    /// <summary>
    /// Whether an open enum of the name already takes every value of this open one: then it is this parameter's type
    /// too. A list filter and a create of one resource share their values' type that way (a file's
    /// <c>FilePurpose</c>, as Stripe.net has one for both); a type that takes any value loses nothing by taking more.
    /// </summary>
    private static bool CoveredBy(EnumModel? existing, EnumModel model)
    {
        if (existing is not { Open: true } || !model.Open)
        {
            return false;
        }

        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (EnumMemberModel member in existing.Members)
        {
            wireNames.Add(member.WireName);
        }

        foreach (EnumMemberModel member in model.Members)
        {
            if (!wireNames.Contains(member.WireName))
            {
                return false;
            }
        }

        return true;
    }

    private static string MemberName(string wireName, string enumName, bool open, HashSet<string> taken)
    {
        // An open enum's values are static properties beside its own members (Value, IsKnown, …).
        string member = Naming.EnumValueMember(wireName, enumName, open);

        // Values that differ only in punctuation (Etc/GMT+0, Etc/GMT-0) get numbered names.
        string unique = member;
        for (int n = 2; !taken.Add(unique); n++)
        {
            unique = member + Naming.Invariant(n);
        }

        return unique;
    }
}
