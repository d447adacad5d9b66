using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>One API operation: how a service method calls it.</summary>
/// <param name="HttpMethodName">The <c>System.Net.Http.HttpMethod</c> property that sends it (<c>Post</c>).</param>
/// <param name="PathParameters">The path's <c>{parameters}</c>, in order: wire name and C# parameter name.</param>
/// <param name="PathParts">The path split into literal text and parameters, in order, for the request URL.</param>
/// <param name="OptionsClass">The options type sent (as <paramref name="Body"/> says), or null when the operation takes none.</param>
/// <param name="OptionsRequired">Whether the options argument is required (the body has required parameters).</param>
/// <param name="Names">The names of the service's members for the operation: its methods and its nested class.</param>
/// <param name="Response">
/// What the operation returns: a response model (<see cref="TypeKind.Object"/>), a page of a list or search
/// (<see cref="TypeKind.List"/>, <see cref="TypeKind.SearchResult"/>) of its items, or for a download the body's
/// stream (<see cref="TypeKind.Binary"/>).
/// </param>
/// <param name="Body">What the request sends: nothing, the options as a form (or query), or a multipart upload.</param>
/// <param name="Success">How a success is read: a model, a page, or a stream the caller disposes.</param>
/// <param name="Server">Which of Stripe's hosts serves the operation.</param>
/// <param name="Paging">How the operation's auto-paging method walks every page; null when it has none.</param>
/// <param name="Location">Where the service accessor hands out its service; null for a model made by hand in a test.</param>
/// <param name="OptionsWithoutDefault">
/// Whether optional options are declared without a default value all the same, as the first argument of an overload
/// that another one without options stands beside (Stripe.net's <c>Get(options, requestOptions)</c> beside
/// <c>Get(requestOptions)</c>): a call has to name them, even as null.
/// </param>
internal sealed record OperationModel(
    string OperationId,
    string HttpMethod,
    string HttpMethodName,
    string Path,
    string ServiceName,
    OperationNames Names,
    EquatableArray<PathParameterModel> PathParameters,
    EquatableArray<PathPart> PathParts,
    string? OptionsClass,
    bool OptionsRequired,
    TypeRef Response,
    string? Description,
    BodyModel Body,
    SuccessKind Success,
    OperationServer Server = OperationServer.Api,
    PagingModel? Paging = null,
    ServiceLocation? Location = null,
    bool OptionsWithoutDefault = false)
{
    /// <summary>The async method returning the response model (<c>CreateAsync</c>).</summary>
    public string MethodName => Names.Async;

    /// <summary>The async method returning it with the request id, status and headers (<c>CreateWithResponseAsync</c>).</summary>
    public string WithResponseMethodName => Names.WithResponseAsync;

    /// <summary>
    /// The operation named by another verb: its methods and, for a list, its auto-paging methods
    /// (<c>ListPaymentMethods</c>, <c>ListPaymentMethodsAutoPaging</c>); its <c>Call</c> class keeps its name.
    /// </summary>
    public OperationModel WithVerb(string verb) => this with
    {
        Names = Names with
        {
            Async = Naming.ServiceMethod(verb),
            WithResponseAsync = Naming.ServiceMethodWithResponse(verb),
            Sync = Naming.SyncServiceMethod(verb),
            SyncWithResponse = Naming.SyncServiceMethodWithResponse(verb),
        },
        Paging = Paging is { } paging ? paging with { MethodName = Naming.AutoPagingMethod(verb), SyncMethodName = Naming.SyncAutoPagingMethod(verb) } : null,
    };
}

/// <summary>The members of a service that one operation gets, each name decided while parsing (<see cref="Naming"/>).</summary>
/// <param name="Async">The async method returning the response model: <c>CreateAsync</c>.</param>
/// <param name="WithResponseAsync">The async method returning it with the request id, status and headers: <c>CreateWithResponseAsync</c>.</param>
/// <param name="Sync">The synchronous twin of <paramref name="Async"/>: <c>Create</c>.</param>
/// <param name="SyncWithResponse">The synchronous twin of <paramref name="WithResponseAsync"/>: <c>CreateWithResponse</c>.</param>
/// <param name="Call">
/// The private nested class that holds what the methods share: the operation's description, the reader of its
/// success, and the one method that builds its request (<c>PostAccountLinksCall</c>).
/// </param>
internal sealed record OperationNames(string Async, string WithResponseAsync, string Sync, string SyncWithResponse, string Call);

/// <summary>What a request sends, as the runtime's <c>StripeBody</c> kinds name it.</summary>
/// <param name="Kind">Nothing, a form, or a multipart upload.</param>
/// <param name="File">For a multipart upload, its file member; the other parameters are sent as parts beside it.</param>
internal sealed record BodyModel(BodyKind Kind, UploadModel? File = null)
{
    /// <summary>No parameters.</summary>
    public static BodyModel None { get; } = new(BodyKind.None);

    /// <summary>The options as a form: the body of a POST, the query string otherwise.</summary>
    public static BodyModel Form { get; } = new(BodyKind.Form);
}

/// <summary>The kinds of request body.</summary>
internal enum BodyKind
{
    /// <summary>The operation takes no options.</summary>
    None,

    /// <summary>The options, form-encoded.</summary>
    Form,

    /// <summary>A <c>multipart/form-data</c> upload: the options' parameters as parts, then the file.</summary>
    Multipart,
}

/// <summary>How a successful response is read, as the runtime's <c>StripeReader</c> kinds name it.</summary>
internal enum SuccessKind
{
    /// <summary>A response model read from the JSON body by its own <c>FromJson</c>.</summary>
    Model,

    /// <summary>A page of a list or search read by the runtime's page reader with its items' reader.</summary>
    Page,

    /// <summary>A file (a PDF), not JSON: the body's stream, which the caller disposes.</summary>
    Stream,
}

/// <summary>The host that serves an operation.</summary>
internal enum OperationServer
{
    /// <summary>The API host.</summary>
    Api,

    /// <summary>The files host: the upload, and downloads without a host of their own.</summary>
    Files,
}

/// <summary>The file of a multipart upload: its part's form name and the options members that fill the part.</summary>
/// <param name="WireName">The part's form name, <c>file</c>.</param>
/// <param name="Member">The <c>Stream</c> member, <c>File</c>.</param>
/// <param name="FileNameMember">The member with the part's file name, <c>FileName</c>.</param>
/// <param name="ContentTypeMember">The member with the part's content type, <c>FileContentType</c>.</param>
/// <param name="MemberNullable">
/// Whether the file member is nullable although the spec requires it (Stripe.net's shape, which has no C#
/// <c>required</c> members): <c>Validate()</c> refuses a missing file before the body is built.
/// </param>
internal sealed record UploadModel(string WireName, string Member, string FileNameMember, string ContentTypeMember, bool MemberNullable = false);

/// <summary>
/// An operation's auto-paging methods (<c>ListAutoPagingAsync</c> and <c>ListAutoPaging</c>): a list's follows <c>starting_after</c> (or
/// <c>ending_before</c>) with its items' IDs, a search's follows <c>next_page</c> as <c>page</c>.
/// </summary>
/// <param name="MethodName">The method's name.</param>
/// <param name="SyncMethodName">Its synchronous twin's name, which returns an <c>IEnumerable&lt;T&gt;</c>: <c>ListAutoPaging</c>.</param>
/// <param name="ItemIds">
/// For a list, where its items hold their ID: the <c>Id</c> property, or for a union of objects (a customer's
/// sources) each object's <c>Id</c>; empty for a search.
/// </param>
/// <param name="Cursor">The options' property the cursor is sent in: <c>StartingAfter</c> for a list, <c>Page</c> for a search.</param>
/// <param name="BackwardCursor">For a list, the options' <c>EndingBefore</c> property, which walks backwards when set; null when it has none.</param>
internal sealed record PagingModel(string MethodName, string SyncMethodName, EquatableArray<ItemIdModel> ItemIds, string Cursor, string? BackwardCursor)
{
    /// <summary>Whether it pages a list (by its items' IDs) rather than a search.</summary>
    public bool IsList => ItemIds.Count > 0;
}

/// <summary>Where an item of a list holds its ID.</summary>
/// <param name="Variant">For a union of objects, the wrapper's property holding the object; null for a plain object.</param>
/// <param name="Id">The object's ID property.</param>
internal sealed record ItemIdModel(string? Variant, string Id);

/// <summary>Where the service accessor hands out the operation's service.</summary>
/// <param name="Groups">The groups it is in, outermost first (<c>TestHelpers</c>, <c>Issuing</c>); empty at the top.</param>
/// <param name="Word">The resource's name within its group (<c>Session</c> for <c>CheckoutSession</c>).</param>
/// <param name="OnCollection">Whether the operation acts on a collection or its items, so the accessor's property is plural (<c>Sessions</c>), rather than on a singleton (<c>Balance</c>).</param>
internal sealed record ServiceLocation(EquatableArray<string> Groups, string Word, bool OnCollection);

/// <summary>A <c>{parameter}</c> of an operation's path.</summary>
internal sealed record PathParameterModel(string WireName, string Name);

/// <summary>A piece of an operation's path: literal text (<c>/v1/customers/</c>), or a parameter's C# name whose value is escaped into it.</summary>
internal sealed record PathPart(string Text, bool IsParameter);
