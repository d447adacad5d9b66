using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Stripe's conventions for writing OpenAPI, in one place: the shape classifier that both the request and the
/// response readers ask what a schema is. Nothing here reports or registers anything; the readers decide what to
/// generate from the answer.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item><b>Emptyable:</b> <c>anyOf: [T, {type: string, enum: ['']}]</c>. Sending <c>key=</c> clears the field;
/// a string clears with an empty value, other types get a <c>Clear…</c> switch.</item>
/// <item><b>Object or scalar:</b> <c>anyOf: [object, string]</c> in a request is an object or the ID (or token) of
/// one (<c>product</c>: <c>prod_…</c> or <c>product[name]=…</c>); <c>anyOf: [object, integer]</c> is a range or one
/// exact value (a list filter's <c>created</c>). The object is the property; the scalar a member beside it
/// (<c>ProductId</c>, <c>CreatedExact</c>). In a response, <c>anyOf: [string, object]</c> is an expandable field:
/// the ID unless the request expanded it.</item>
/// <item><b>Objects told apart by <c>object</c>:</b> a response <c>anyOf</c> of objects whose <c>object</c> field
/// has one value each (and <c>deleted: true</c> for a deleted form, <c>customer</c> vs <c>deleted_customer</c>);
/// nested unions (<c>payment_source</c>) are flattened into one wrapper.</item>
/// <item><b>Objects in a request:</b> <c>anyOf</c> of titled objects (a payment method's <c>card</c>: card
/// details or a token) is one member per alternative, named by the parameter and the title
/// (<c>CardDetails</c>, <c>CardToken</c>), all sent under the parameter's name; Validate() allows only one.</item>
/// <item><b>Scalars only:</b> a union of strings, numbers and booleans is sent as its text.</item>
/// <item><b>One-element <c>allOf</c>/<c>anyOf</c>:</b> how the spec marks a referenced object nullable; it is that
/// object.</item>
/// <item><b>Maps:</b> an object without properties is a string map (<c>metadata</c>) when its values are strings or
/// unspecified, a map of objects (<c>currency_options</c>) or, in responses, of numbers (<c>available</c>).</item>
/// <item><b>Events:</b> a response field named <c>object</c> that is any object (an event's <c>data.object</c>)
/// holds a resource, which its own <c>object</c> value names; the event types are the <c>enabled_events</c> enum of
/// <c>POST /v1/webhook_endpoints</c>.</item>
/// <item><b>Names:</b> a response type is named by its resource (<c>x-stripeResource</c>, else <c>x-resourceId</c>),
/// else its <c>title</c>, else its component name; a list or search envelope of exactly Stripe's page shape is the
/// runtime's <c>StripeList</c> or <c>StripeSearchResult</c> of its items, and one with more fields is named by its
/// items (<c>CustomerList</c>, <c>CustomerSearchResult</c>); see
/// <see cref="ClassNames"/>.</item>
/// <item><b>Flags:</b> <c>format: uri</c>/<c>url</c> makes a URL check (a name ending in <c>_url</c> does not);
/// <c>x-stripeBypassValidation: true</c> makes an enum open; <c>deprecated: true</c> makes <c>[Obsolete]</c> with
/// the spec's own words; <c>x-accountLinkGen-replacedBy</c> names the replacement's wire path and
/// <c>x-accountLinkGen-mutuallyExclusive</c> groups of parameters Stripe takes only one of.</item>
/// </list>
/// </remarks>
internal static class StripeConventions
{
    public const string BypassValidation = "x-stripeBypassValidation";
    public const string MutuallyExclusive = "x-accountLinkGen-mutuallyExclusive";
    public const string ReplacedBy = "x-accountLinkGen-replacedBy";
    public const string ResourceId = "x-resourceId";

    /// <summary>The path whose create operation lists the event types, in <see cref="EnabledEvents"/>.</summary>
    public const string WebhookEndpointsPath = "/v1/webhook_endpoints";
    public const string EnabledEvents = "enabled_events";
    public const string FormContentType = "application/x-www-form-urlencoded";
    public const string MultipartContentType = "multipart/form-data";
    public const string JsonContentType = "application/json";

    /// <summary>The hosts the client has a base address for: the API's and the files host's.</summary>
    public const string ApiHost = "api.stripe.com";
    public const string FilesHost = "files.stripe.com";

    // The fields of Stripe's page envelopes, which the runtime's StripeList and StripeSearchResult hold.
    private static readonly string[] ListFields = { "object", "data", "has_more", "url" };
    private static readonly string[] SearchFields = { "object", "data", "has_more", "url", "next_page", "total_count" };

    /// <summary>How deep objects nest and unions flatten before the readers give up.</summary>
    public const int MaxDepth = 32;

    /// <summary>Classifies a schema with <c>allOf</c>, <c>anyOf</c> or <c>oneOf</c> (see the class remarks).</summary>
    /// <param name="follow">Gives the schema at the end of a variant's chain of <c>$ref</c>s.</param>
    public static UnionShape ClassifyUnion(OpenApiSchema schema, Func<OpenApiSchema, OpenApiSchema>? follow = null)
    {
        if (schema.AllOf.Count > 0)
        {
            return schema.AllOf.Count == 1 && schema.AnyOf.Count == 0 && schema.OneOf.Count == 0
                ? new UnionShape(UnionKind.Single, "allOf", Indexed(schema.AllOf, follow))
                : new UnionShape(UnionKind.Other, "allOf", Indexed(schema.AllOf, follow));
        }

        string keyword = schema.AnyOf.Count > 0 ? "anyOf" : "oneOf";
        IList<OpenApiSchema> variants = schema.AnyOf.Count > 0 ? schema.AnyOf : schema.OneOf;
        var shapes = new List<UnionVariant>();
        bool emptyable = false;
        for (int i = 0; i < variants.Count; i++)
        {
            OpenApiSchema? variant = variants[i] is { } declared && follow is not null ? follow(declared) : variants[i];
            if (variant is not null && IsEmptyMarker(variant))
            {
                emptyable = true;
            }
            else
            {
                shapes.Add(new UnionVariant(variant, i));
            }
        }

        UnionKind kind = shapes.Count switch
        {
            1 => UnionKind.Single,
            _ when shapes.Count > 1 && shapes.All(s => s.Schema is { Type: "string" or "integer" or "number" or "boolean", AnyOf.Count: 0, OneOf.Count: 0 }) => UnionKind.Scalars,
            2 when ScalarIndex(shapes[0].Schema, shapes[1].Schema) is not null => UnionKind.ObjectOrScalar,
            _ when shapes.Count > 1 && shapes.All(s => IsPlainObject(s.Schema) && s.Schema!.Title is { Length: > 0 }) => UnionKind.Objects,
            _ => UnionKind.Other,
        };
        int scalar = kind == UnionKind.ObjectOrScalar ? ScalarIndex(shapes[0].Schema, shapes[1].Schema)!.Value : -1;
        return new UnionShape(kind, keyword, shapes, emptyable, scalar);
    }

    /// <summary>
    /// The snake-case name of a request union's alternative: the parameter's name and the variant's title without
    /// its <c>_param(s)</c> suffix, once (<c>card</c> + <c>card_details_params</c> is <c>card_details</c>;
    /// <c>card</c> + <c>token_params</c> is <c>card_token</c>).
    /// </summary>
    public static string AlternativeName(string wireName, string title)
    {
        string kind = title;
        foreach (string suffix in new[] { "_params", "_param" })
        {
            if (kind.EndsWith(suffix, StringComparison.Ordinal) && kind.Length > suffix.Length)
            {
                kind = kind.Substring(0, kind.Length - suffix.Length);
                break;
            }
        }

        return kind == wireName || kind.StartsWith(wireName + "_", StringComparison.Ordinal) ? kind : wireName + "_" + kind;
    }

    /// <summary>Stripe's marker of an emptyable field: a string enum whose one value is <c>''</c>.</summary>
    public static bool IsEmptyMarker(OpenApiSchema schema) =>
        schema.Type == "string" && schema.Enum.Count == 1 && schema.Enum[0] is OpenApiString { Value.Length: 0 };

    /// <summary>An object with properties and no union of its own.</summary>
    public static bool IsPlainObject(OpenApiSchema? schema) =>
        schema is { UnresolvedReference: false, Type: "object" or null, Properties.Count: > 0, AnyOf.Count: 0, OneOf.Count: 0, AllOf.Count: 0 };

    /// <summary>
    /// An object without declared properties whose values are strings or unspecified (<c>metadata</c>, or an
    /// empty options object): a string map, so that any key can be sent.
    /// </summary>
    public static bool IsFreeFormObject(OpenApiSchema schema) =>
        schema.Properties.Count == 0
        && (schema.AdditionalProperties is null
            || (schema.AdditionalProperties.Type is "string" or null
                && schema.AdditionalProperties.Properties.Count == 0
                && schema.AdditionalProperties.AnyOf.Count == 0
                && schema.AdditionalProperties.OneOf.Count == 0));

    /// <summary>
    /// An object without declared properties whose values are all objects of one shape (<c>currency_options</c>:
    /// a currency to its options): a map of that object, sent as <c>name[key][child]=…</c>.
    /// </summary>
    public static bool IsObjectMap(OpenApiSchema schema) =>
        schema.Properties.Count == 0 && IsPlainObject(schema.AdditionalProperties);

    /// <summary>A response object whose values are all integers, numbers or booleans (<c>available</c>: a currency to an amount).</summary>
    public static bool IsScalarMap(OpenApiSchema schema) =>
        schema.Properties.Count == 0
        && schema.AdditionalProperties is { UnresolvedReference: false, Type: "integer" or "number" or "boolean", AnyOf.Count: 0, OneOf.Count: 0, AllOf.Count: 0 };

    /// <summary>Integers (unix times among them), numbers and booleans read the same in requests and responses.</summary>
    public static TypeRef Scalar(OpenApiSchema schema) => schema.Type switch
    {
        "integer" when schema.Format == "unix-time" => new TypeRef(TypeKind.UnixTime),
        "integer" => new TypeRef(TypeKind.Integer),
        "number" => new TypeRef(TypeKind.Number),
        _ => new TypeRef(TypeKind.Boolean),
    };

    /// <summary>
    /// Only the spec's own format makes a URL check: a name ending in <c>_url</c> says nothing about which schemes
    /// Stripe takes (a payment intent's <c>return_url</c> takes app schemes such as <c>myapp://</c>).
    /// </summary>
    public static bool IsUrl(OpenApiSchema schema) => schema.Format is "uri" or "url";

    /// <summary>A decimal number sent as a string (<c>format: decimal</c>), so that no digit is lost to a binary float.</summary>
    public static bool IsDecimal(OpenApiSchema schema) => schema.Format == "decimal";

    /// <summary>A file's bytes: a string of <c>format: binary</c> (a multipart body's file, a PDF response).</summary>
    public static bool IsBinary(OpenApiSchema? schema) => schema is { Type: "string", Format: "binary" };

    /// <summary>
    /// The host an operation-level <c>servers</c> entry names (<c>files.stripe.com</c> for <c>POST /v1/files</c>),
    /// or null when the operation has none and is served where the document says.
    /// </summary>
    public static string? OperationHost(OpenApiOperation operation) =>
        operation.Servers is { Count: > 0 } servers && Uri.TryCreate(servers[0].Url, UriKind.Absolute, out Uri? url) ? url.Host : null;

    /// <summary>
    /// Whether Stripe serves the operation from <see cref="FilesHost"/>: its <c>servers</c> entry says so, or, with
    /// none, its success body is a file. The spec gives only the upload a <c>servers</c> entry, yet Stripe serves its
    /// downloads (a quote's PDF) from the files host too, and its own SDKs send them there (Stripe.net's
    /// <c>QuoteService.PdfAsync</c> among them); a download that named another host would say so in <c>servers</c>.
    /// </summary>
    public static bool ServedFromFiles(string? operationHost, bool download) =>
        operationHost is null ? download : operationHost == FilesHost;

    /// <summary>An enum Stripe does not validate (<c>x-stripeBypassValidation: true</c>) accepts values the spec does not list.</summary>
    public static bool IsOpenEnum(OpenApiSchema schema) =>
        schema.Extensions.TryGetValue(BypassValidation, out IOpenApiExtension? bypass) && bypass is OpenApiBoolean { Value: true };

    /// <summary>
    /// The description a schema gives itself as a type: a component's (reached through <c>$ref</c>), normalized;
    /// null for an inline schema, whose description is its property's (Stripe writes the two as one node), so that
    /// no type takes its summary from whichever field was read first.
    /// </summary>
    public static string? OwnDescription(OpenApiSchema schema) =>
        schema.Reference is { Id.Length: > 0 } && DocText.Normalize(schema.Description) is { Length: > 0 } own ? own : null;

    /// <summary>
    /// The <c>[Obsolete]</c> text of a deprecated parameter: the spec's own words in plain text (a compiler warning
    /// shows Markdown as it is), else a plain sentence; null when not deprecated.
    /// </summary>
    public static string? Deprecation(bool deprecated, string? description)
    {
        if (!deprecated)
        {
            return null;
        }

        string text = DocMarkup.ToPlainText(DocText.Normalize(description));
        return text.Length == 0 ? "This parameter is deprecated." : text;
    }

    /// <summary>The dotted wire path of a deprecated parameter's replacement (<c>collection_options.fields</c>), else null.</summary>
    public static string? ReplacedByPath(OpenApiSchema schema) =>
        schema.Extensions.TryGetValue(ReplacedBy, out IOpenApiExtension? replaced) && replaced is OpenApiString path ? path.Value : null;

    /// <summary>The groups of <c>x-accountLinkGen-mutuallyExclusive</c>: wire names of which Stripe accepts only one.</summary>
    public static IEnumerable<string[]> ExclusiveGroups(OpenApiSchema schema)
    {
        if (!schema.Extensions.TryGetValue(MutuallyExclusive, out IOpenApiExtension? extension) || extension is not OpenApiArray groups)
        {
            yield break;
        }

        foreach (IOpenApiAny group in groups)
        {
            if (group is OpenApiArray members)
            {
                yield return members.OfType<OpenApiString>().Select(m => m.Value).ToArray();
            }
        }
    }

    /// <summary>The single value of an object schema's <c>object</c> field, which names its type.</summary>
    public static string? ObjectValue(OpenApiSchema schema) =>
        schema.Properties.TryGetValue("object", out OpenApiSchema? field) && field is { Enum.Count: 1 } && field.Enum[0] is OpenApiString { Value.Length: > 0 } value
            ? value.Value
            : null;

    /// <summary>Whether the schema is a deleted object: its <c>deleted</c> field can only be true.</summary>
    public static bool IsDeleted(OpenApiSchema schema) =>
        schema.Properties.TryGetValue("deleted", out OpenApiSchema? field) && field is { Enum.Count: 1 } && field.Enum[0] is OpenApiBoolean { Value: true };

    /// <summary>
    /// Whether a response field holds any Stripe resource: a field named <c>object</c> that is an object of no
    /// declared shape (an event's <c>data.object</c>). The resource's own <c>object</c> field names which one.
    /// </summary>
    public static bool HoldsAnyResource(string wireName, OpenApiSchema schema) =>
        wireName == "object" && schema is { Type: "object", Properties.Count: 0, AdditionalProperties: null, AnyOf.Count: 0, OneOf.Count: 0, AllOf.Count: 0 };

    /// <summary>
    /// The event types a spec lists: the values of the <c>enabled_events</c> parameter of
    /// <c>POST /v1/webhook_endpoints</c>, without <c>*</c> (which enables them all); empty when it has none.
    /// </summary>
    /// <param name="follow">Gives the schema at the end of a chain of <c>$ref</c>s.</param>
    public static IEnumerable<string> EventTypes(OpenApiDocument document, Func<OpenApiSchema, OpenApiSchema> follow)
    {
        if (document.Paths is null
            || !document.Paths.TryGetValue(WebhookEndpointsPath, out OpenApiPathItem? path)
            || path?.Operations is null
            || !path.Operations.TryGetValue(OperationType.Post, out OpenApiOperation? create)
            || create?.RequestBody?.Content is null
            || !create.RequestBody.Content.TryGetValue(FormContentType, out OpenApiMediaType? form)
            || form?.Schema is null
            || !follow(form.Schema).Properties.TryGetValue(EnabledEvents, out OpenApiSchema? enabled)
            || enabled is null
            || follow(enabled).Items is not { } items)
        {
            return Enumerable.Empty<string>();
        }

        return follow(items).Enum.OfType<OpenApiString>().Select(value => value.Value).Where(value => value.Length > 0 && value != "*");
    }

    /// <summary>
    /// Whether the schema is exactly one of Stripe's page envelopes, which the runtime's types hold: a list
    /// (<c>object: list</c> with <c>data</c>, <c>has_more</c> and <c>url</c>) or a search's results (which adds
    /// <c>next_page</c> and <c>total_count</c>); null for any other schema, an envelope with more fields included.
    /// </summary>
    public static TypeKind? PageKind(OpenApiSchema schema)
    {
        string? value = ObjectValue(schema);
        string[]? fields = value == "list" ? ListFields : value == "search_result" ? SearchFields : null;
        if (fields is null || schema.Properties.Count != fields.Length || !fields.All(schema.Properties.ContainsKey)
            || schema.Properties["data"] is not { Type: "array", Items: not null })
        {
            return null;
        }

        return value == "list" ? TypeKind.List : TypeKind.SearchResult;
    }

    /// <summary>The item schema of a list envelope (<c>object: list</c>) with more than a page's fields, else null.</summary>
    public static OpenApiSchema? ListItem(OpenApiSchema schema) =>
        ObjectValue(schema) == "list"
            && schema.Properties.TryGetValue("data", out OpenApiSchema? data)
            && data is { Type: "array", Items: { UnresolvedReference: false } item }
            && (item.Properties.Count > 0 || item.Reference is not null)
            ? item
            : null;

    /// <summary>The item schema of a search's envelope (<c>object: search_result</c>), else null.</summary>
    public static OpenApiSchema? SearchResultItem(OpenApiSchema schema) =>
        ObjectValue(schema) == "search_result"
            && schema.Properties.TryGetValue("data", out OpenApiSchema? data)
            && data is { Type: "array", Items: { UnresolvedReference: false } item }
            && item.Properties.Count > 0
            ? item
            : null;

    /// <summary>
    /// Which of the two is a plain string (an ID or token) or number (a time for a range) when the other is an
    /// object with properties; null otherwise.
    /// </summary>
    public static int? ScalarIndex(OpenApiSchema? first, OpenApiSchema? second)
    {
        static bool IsScalar(OpenApiSchema? s) => s is { UnresolvedReference: false, Type: "string" or "integer" or "number", Enum.Count: 0, AnyOf.Count: 0, OneOf.Count: 0, AllOf.Count: 0 };
        return IsScalar(first) && IsPlainObject(second) ? 0 : IsScalar(second) && IsPlainObject(first) ? 1 : null;
    }

    private static List<UnionVariant> Indexed(IList<OpenApiSchema> variants, Func<OpenApiSchema, OpenApiSchema>? follow) =>
        variants.Select((schema, index) => new UnionVariant(schema is not null && follow is not null ? follow(schema) : schema, index)).ToList();
}

/// <summary>What a union schema is, by Stripe's conventions.</summary>
internal enum UnionKind
{
    /// <summary>One schema (besides an emptyable marker): it is that schema.</summary>
    Single,

    /// <summary>Strings, numbers and booleans only: sent as their text.</summary>
    Scalars,

    /// <summary>An object, or a string or number that stands for it (an ID, a token, an exact time).</summary>
    ObjectOrScalar,

    /// <summary>
    /// Several plain objects, each with a title (<c>card_details_params</c> or <c>token_params</c>): in a request,
    /// one member per alternative; in a response, objects told apart by <c>object</c>.
    /// </summary>
    Objects,

    /// <summary>Anything else: shapes no member can hold.</summary>
    Other,
}

/// <summary>A union schema classified: its kind, its keyword, its variants without the emptyable marker.</summary>
/// <param name="ScalarIndex">For <see cref="UnionKind.ObjectOrScalar"/>, which of <paramref name="Shapes"/> is the scalar.</param>
internal sealed record UnionShape(UnionKind Kind, string Keyword, IReadOnlyList<UnionVariant> Shapes, bool Emptyable = false, int ScalarIndex = -1)
{
    /// <summary>The JSON pointer of a variant below the union's pointer.</summary>
    public string PointerOf(string pointer, UnionVariant variant) => pointer + "/" + Keyword + "/" + Naming.Invariant(variant.Index);
}

/// <summary>One variant of a union and its index among the keyword's schemas (for pointers).</summary>
internal sealed record UnionVariant(OpenApiSchema? Schema, int Index);
