using System;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>The C# spelling of model types, shared by every emitter.</summary>
internal static class TypeNames
{
    public const string Runtime = "global::AccountLinkGen";

    /// <summary>The type of an options property: value types nullable unless required, references nullable unless required.</summary>
    public static string Parameter(TypeRef type, bool required) => Spell(type, readOnlyCollections: false) + (required ? string.Empty : "?");

    /// <summary>
    /// The type of a response property: its lists and maps read-only, or, when <paramref name="mutable"/> (Stripe.net's
    /// shape, where user code changes what it was given), <c>List</c> and <c>Dictionary</c> as in options.
    /// </summary>
    public static string Response(TypeRef type, bool required, bool mutable) => Spell(type, readOnlyCollections: !mutable) + (required ? string.Empty : "?");

    /// <summary>
    /// The element type of a list or the type itself, never nullable; lists and maps read-only (a response's in the
    /// generator's own shape) or <c>List</c> and <c>Dictionary</c> (options', and Stripe.net's responses).
    /// </summary>
    public static string Spell(TypeRef type, bool readOnlyCollections) => type.Kind switch
    {
        TypeKind.String when type.AsAnyOf => Runtime + (type.OrBool ? ".AnyOf<bool?, string>" : ".AnyOf<global::System.DateTime?, string>"),
        TypeKind.Object when type.AsAnyOf => Runtime + ".AnyOf<" + AnyOfScalar(type.IdKind) + ", " + type.Name + ">",
        TypeKind.String or TypeKind.Expandable => "string",
        TypeKind.Integer => "long",
        TypeKind.Number => "decimal",
        TypeKind.Boolean => "bool",
        TypeKind.UnixTime => type.AsDateTime ? "global::System.DateTime" : "global::System.DateTimeOffset",
        TypeKind.Enum or TypeKind.OpenEnum when type.AsString => "string",
        TypeKind.Enum or TypeKind.OpenEnum or TypeKind.Object => type.Name!,
        TypeKind.Json => "global::System.Text.Json.JsonElement",
        TypeKind.StripeObject => "object",
        TypeKind.Binary => "global::System.IO.Stream",
        TypeKind.StringMap => readOnlyCollections
            ? "global::System.Collections.Generic.IReadOnlyDictionary<string, string>"
            : "global::System.Collections.Generic.Dictionary<string, string>",
        TypeKind.Map => (readOnlyCollections
            ? "global::System.Collections.Generic.IReadOnlyDictionary<string, "
            : "global::System.Collections.Generic.Dictionary<string, ") + Spell(type.Item!, readOnlyCollections) + ">",
        TypeKind.Array => (readOnlyCollections
            ? "global::System.Collections.Generic.IReadOnlyList<"
            : "global::System.Collections.Generic.List<") + Spell(type.Item!, readOnlyCollections) + (IsNullableValue(type.Item!) ? "?" : string.Empty) + ">",
        TypeKind.List => Runtime + ".StripeList<" + Spell(type.Item!, readOnlyCollections) + ">",
        TypeKind.SearchResult => Runtime + ".StripeSearchResult<" + Spell(type.Item!, readOnlyCollections) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
    };

    /// <summary>
    /// A generated type's name led by <paramref name="qualifier"/> (<c>global::Stripe.</c>), so a member that shares
    /// its name cannot hide it; a name that is already fully qualified (<see cref="Naming.NamespaceOf"/>) as it is.
    /// </summary>
    public static string Qualified(string qualifier, string typeName) =>
        typeName.StartsWith(Naming.GlobalPrefix, StringComparison.Ordinal) ? typeName : qualifier + typeName;

    /// <summary>The scalar kind of an object-or-scalar <c>AnyOf</c>, nullable where it is a value type, as Stripe.net spells it.</summary>
    private static string AnyOfScalar(TypeKind kind) => kind switch
    {
        TypeKind.String => "string",
        TypeKind.UnixTime => "global::System.DateTime?",
        _ => Spell(new TypeRef(kind), readOnlyCollections: false) + "?",
    };

    /// <summary>A list item of a value type that is spelled nullable (<see cref="TypeRef.Nullable"/>).</summary>
    public static bool IsNullableValue(TypeRef item) => item.Nullable && IsValueType(item);

    public static bool IsValueType(TypeRef type) => type.Kind is TypeKind.Integer or TypeKind.Number or TypeKind.Boolean
        or TypeKind.UnixTime or TypeKind.Json
        || (type.Kind is TypeKind.Enum or TypeKind.OpenEnum && !type.AsString);

}
