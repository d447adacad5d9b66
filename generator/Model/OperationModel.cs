using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>One API operation: how a service method calls it.</summary>
/// <param name="HttpMethodName">The <c>System.Net.Http.HttpMethod</c> property that sends it (<c>Post</c>).</param>
/// <param name="PathParameters">The path's <c>{parameters}</c>, in order: wire name and C# parameter name.</param>
/// <param name="PathParts">The path split into literal text and parameters, in order, for the request URL.</param>
/// <param name="OptionsClass">The options type sent (form body or query), or null when the operation takes none.</param>
/// <param name="OptionsRequired">Whether the options argument is required (the body has required parameters).</param>
/// <param name="MethodName">The service method returning the response model (<c>CreateAsync</c>).</param>
/// <param name="WithResponseMethodName">The service method returning it with the request id, status and headers (<c>CreateWithResponseAsync</c>).</param>
/// <param name="ResponseType">The response model returned; <c>global::System.IO.Stream</c> when <paramref name="Download"/>.</param>
/// <param name="Upload">For a multipart upload, its file member; the other parameters are sent as parts beside it.</param>
/// <param name="Download">Whether the success body is a file (a PDF), not JSON: the method returns it as a stream.</param>
/// <param name="FilesServer">Whether Stripe serves the operation from its files host, not the API host.</param>
internal sealed record OperationModel(
    string OperationId,
    string HttpMethod,
    string HttpMethodName,
    string Path,
    string ServiceName,
    string MethodName,
    string WithResponseMethodName,
    EquatableArray<PathParameterModel> PathParameters,
    EquatableArray<PathPart> PathParts,
    string? OptionsClass,
    bool OptionsRequired,
    string ResponseType,
    string? Description,
    UploadModel? Upload = null,
    bool Download = false,
    bool FilesServer = false);

/// <summary>The file of a multipart upload: its part's form name and the options members that fill the part.</summary>
/// <param name="WireName">The part's form name, <c>file</c>.</param>
/// <param name="Member">The <c>Stream</c> member, <c>File</c>.</param>
/// <param name="FileNameMember">The member with the part's file name, <c>FileName</c>.</param>
/// <param name="ContentTypeMember">The member with the part's content type, <c>FileContentType</c>.</param>
internal sealed record UploadModel(string WireName, string Member, string FileNameMember, string ContentTypeMember);

/// <summary>A <c>{parameter}</c> of an operation's path.</summary>
internal sealed record PathParameterModel(string WireName, string Name);

/// <summary>A piece of an operation's path: literal text (<c>/v1/customers/</c>), or a parameter's C# name whose value is escaped into it.</summary>
internal sealed record PathPart(string Text, bool IsParameter);
