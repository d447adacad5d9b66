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
/// <param name="ResponseType">The response model returned.</param>
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
    string? Description);

/// <summary>A <c>{parameter}</c> of an operation's path.</summary>
internal sealed record PathParameterModel(string WireName, string Name);

/// <summary>A piece of an operation's path: literal text (<c>/v1/customers/</c>), or a parameter's C# name whose value is escaped into it.</summary>
internal sealed record PathPart(string Text, bool IsParameter);
