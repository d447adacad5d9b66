namespace AccountLinkGen.Generator.Model;

/// <summary>The shapes a parameter or response field can have.</summary>
internal enum TypeKind
{
    String,
    Integer,
    Number,
    Boolean,
    UnixTime,
    Enum,
    OpenEnum,
    Object,
    StringMap,

    /// <summary>
    /// A response field that holds an object's ID, or the object (<see cref="TypeRef.Item"/>) when the request
    /// expanded it: read as the ID, with the object beside it.
    /// </summary>
    Expandable,

    /// <summary>
    /// A map from any key to values of the <see cref="TypeRef.Item"/> type: objects in requests, objects or scalars
    /// in responses. String maps are <see cref="StringMap"/>.
    /// </summary>
    Map,
    Array,

    /// <summary>
    /// A response object the spec gives no shape (an event's <c>data.object</c>, a map of lists): kept whole as a
    /// <c>JsonElement</c>, so nothing in it is lost.
    /// </summary>
    Json,

    /// <summary>
    /// Any Stripe resource (an event's <c>data.object</c>): the response model its own <c>object</c> field names,
    /// through the spec's <see cref="ObjectTableModel"/>, or the JSON kept whole when the table has none.
    /// </summary>
    StripeObject,

    /// <summary>
    /// A file's bytes (<c>format: binary</c>): in a multipart body, a <c>Stream</c> the request reads as it is sent,
    /// with the file name and content type of its part beside it; as an operation's response, the download's stream.
    /// </summary>
    Binary,

    /// <summary>
    /// A page of a list (<c>object: list</c> with <c>data</c>, <c>has_more</c> and <c>url</c>, nothing more): the
    /// runtime's <c>StripeList</c> of the <see cref="TypeRef.Item"/> type, in responses only.
    /// </summary>
    List,

    /// <summary>
    /// A page of a search's results (<c>object: search_result</c>, which adds <c>next_page</c> and
    /// <c>total_count</c>): the runtime's <c>StripeSearchResult</c> of the <see cref="TypeRef.Item"/> type.
    /// </summary>
    SearchResult,
}
