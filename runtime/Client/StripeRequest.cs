using System.ComponentModel;

namespace AccountLinkGen;

/// <summary>
/// Everything about one call that generated code knows before sending it: the operation, the path with its
/// parameters escaped, the API version the service was generated from, the body, and how a success is read. The
/// pipeline adds the per-call options, the idempotency key, retries and telemetry. It exists for generated code and is
/// not a supported API.
/// </summary>
/// <typeparam name="T">What the call returns.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StripeRequest<T>
{
    /// <summary>Describes a call.</summary>
    /// <param name="operation">The operation: its method, host, and the names its telemetry carries.</param>
    /// <param name="path">
    /// The path relative to the operation's host, its parameters already escaped, such as
    /// <c>/v1/customers/cus_123</c>. It must be relative: an absolute one would send the API key to another host.
    /// </param>
    /// <param name="apiVersion">The API version the service was generated from, sent when neither the request options nor the client name one.</param>
    /// <param name="body">What is sent.</param>
    /// <param name="reader">How a success is read.</param>
    public StripeRequest(StripeOperation operation, string path, string? apiVersion, StripeBody body, StripeReader<T> reader)
    {
        Throw.IfNull(operation, nameof(operation));
        Throw.IfNull(path, nameof(path));
        Throw.IfNull(body, nameof(body));
        Throw.IfNull(reader, nameof(reader));
        Operation = operation;
        Path = path;
        ApiVersion = apiVersion;
        Body = body;
        Reader = reader;
    }

    /// <summary>The operation.</summary>
    public StripeOperation Operation { get; }

    /// <summary>The path with its parameters escaped, relative to the operation's host.</summary>
    public string Path { get; }

    /// <summary>The API version the service was generated from, or null.</summary>
    public string? ApiVersion { get; }

    /// <summary>What is sent.</summary>
    public StripeBody Body { get; }

    /// <summary>How a success is read.</summary>
    public StripeReader<T> Reader { get; }
}
