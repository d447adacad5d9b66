using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

// Pages: a list or search envelope of exactly Stripe's shape is no class of its own but the runtime's StripeList or
// StripeSearchResult of its items, wherever it is (an operation's response, a customer's subscriptions).
internal sealed partial class ResponseReader
{
    /// <summary>Reads an operation's success response: a page of its items, or a response model.</summary>
    public TypeRef? ReadOperationResponse(OpenApiSchema declared, string fallbackName, string pointer)
    {
        if (_references.Resolve(declared, pointer, fallbackName, "the operation") is { } schema
            && StripeConventions.PageKind(schema) is { } kind)
        {
            return ReadPage(fallbackName, "data", schema, kind, pointer);
        }

        return Read(declared, fallbackName, pointer) is { } name ? new TypeRef(TypeKind.Object, name) : null;
    }

    /// <summary>A page of the items the envelope's <c>data</c> holds; null (and reported) when they cannot be read.</summary>
    private TypeRef? ReadPage(string owner, string wireName, OpenApiSchema schema, TypeKind kind, string pointer)
    {
        string itemPointer = pointer + "/properties/data/items";
        TypeRef? item = ReadFieldType(owner, wireName, schema.Properties["data"].Items, itemPointer);
        if (item is { Kind: TypeKind.Array or TypeKind.Map or TypeKind.StringMap or TypeKind.List or TypeKind.SearchResult })
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, itemPointer, owner + "." + wireName, "a page of lists or maps", "the field");
            return null;
        }

        return item is null ? null : new TypeRef(kind, Item: item);
    }
}
