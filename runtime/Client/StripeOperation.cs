using System;
using System.ComponentModel;
using System.Net.Http;

namespace AccountLinkGen;

/// <summary>
/// One operation of the spec: its method, path template and operationId, which name the call's span and metrics.
/// Generated services hold one per operation (per overload set, where an operation has two, as a singleton's read has
/// in Stripe.net's shape) and pass it with every call. It exists for generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StripeOperation
{
    /// <summary>Describes an operation.</summary>
    /// <param name="operationId">The spec's operationId, such as <c>PostCustomersCustomer</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path with its parameters unfilled, such as <c>/v1/customers/{customer}</c>.</param>
    /// <param name="server">The host that serves it: the API's, or the files host for uploads and downloads.</param>
    public StripeOperation(string operationId, HttpMethod method, string pathTemplate, StripeServer server = StripeServer.Api)
    {
        Throw.IfNull(operationId, nameof(operationId));
        Throw.IfNull(method, nameof(method));
        Throw.IfNull(pathTemplate, nameof(pathTemplate));
        OperationId = operationId;
        Method = method;
        PathTemplate = pathTemplate;
        Server = server;

        // Built once here, so a traced call does not concatenate its span name.
        DisplayName = method.Method + " " + pathTemplate;
    }

    /// <summary>The spec's operationId, the <c>stripe.operation</c> attribute.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template, the <c>url.template</c> attribute.</summary>
    public string PathTemplate { get; }

    /// <summary>The host that serves the operation.</summary>
    public StripeServer Server { get; }

    /// <summary>The method and path template, such as <c>POST /v1/customers/{customer}</c>: the span's name.</summary>
    public string DisplayName { get; }

    /// <inheritdoc/>
    public override string ToString() => DisplayName;
}
