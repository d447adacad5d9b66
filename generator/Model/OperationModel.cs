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
/// <param name="Location">Where the service accessor hands out its service; null for a model made by hand in a test.</param>
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
    ServiceLocation? Location = null);

/// <summary>Where the service accessor hands out the operation's service.</summary>
/// <param name="Groups">The groups it is in, outermost first (<c>TestHelpers</c>, <c>Issuing</c>); empty at the top.</param>
/// <param name="Word">The resource's name within its group (<c>Session</c> for <c>CheckoutSession</c>).</param>
/// <param name="OnCollection">Whether the operation acts on a collection or its items, so the accessor's property is plural (<c>Sessions</c>), rather than on a singleton (<c>Balance</c>).</param>
internal sealed record ServiceLocation(EquatableArray<string> Groups, string Word, bool OnCollection);

/// <summary>A <c>{parameter}</c> of an operation's path.</summary>
internal sealed record PathParameterModel(string WireName, string Name);

/// <summary>A piece of an operation's path: literal text (<c>/v1/customers/</c>), or a parameter's C# name whose value is escaped into it.</summary>
internal sealed record PathPart(string Text, bool IsParameter);
