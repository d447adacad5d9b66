using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>The service methods' docs: summary, parameters, what they return and every exception they can end in.</summary>
internal static partial class ServiceEmitter
{
    private static void WriteDocs(SourceWriter writer, OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters, string withResponseCref)
    {
        writer.WriteSummary(string.IsNullOrEmpty(operation.Description) ? $"{operation.HttpMethod} {operation.Path}" : operation.Description);
        writer.WriteLine($"/// <remarks><c>{operation.HttpMethod} {DocText.EscapeXml(operation.Path)}</c> (<c>{DocText.EscapeXml(operation.OperationId)}</c>).{FilesRemarks(operation)}</remarks>");
        foreach (var (parameter, name) in pathParameters)
        {
            writer.WriteLine($"/// <param name=\"{name}\">The <c>{DocText.EscapeXml(parameter.WireName)}</c> path parameter.</param>");
        }

        if (operation.OptionsClass is not null)
        {
            writer.WriteLine($"/// <param name=\"{Options}\">The parameters; validated before anything is sent.</param>");
        }

        writer.WriteLine($"/// <param name=\"{RequestOptions}\">Per-request idempotency key, connected account and API version.</param>");
        writer.WriteLine($"/// <param name=\"{CancellationToken}\">Cancels the request and any retry.</param>");
        writer.WriteLine(operation.Success == SuccessKind.Stream
            ? $"/// <returns>The response body as a stream, read from the connection as it is read, never buffered whole; the caller disposes it, which frees the connection. <see cref=\"{withResponseCref}\"/> also returns its request id.</returns>"
            : $"/// <returns>The parsed response; <see cref=\"{withResponseCref}\"/> also returns its request id.</returns>");
        WriteExceptions(writer, operation);
    }

    /// <summary>
    /// Every exception a service method can end in. The four failures of a call share
    /// <c>StripeException</c>; argument errors and cancellation are the caller's own.
    /// </summary>
    /// <param name="sync">Whether the method is a synchronous twin, which also fails where the transport cannot send synchronously.</param>
    /// <param name="cancellable">Whether the method takes a cancellation token (see <see cref="MethodShape"/>).</param>
    internal static void WriteExceptions(SourceWriter writer, OperationModel operation, bool sync = false, bool cancellable = true)
    {
        if (operation.OptionsClass is not null)
        {
            writer.WriteLine(sync
                ? $"/// <exception cref=\"{TypeNames.Runtime}.StripeValidationException\">The options are invalid; nothing was sent.</exception>"
                : $"/// <exception cref=\"{TypeNames.Runtime}.StripeValidationException\">The options are invalid; nothing was sent. Thrown by this method itself, not through the returned task.</exception>");
        }

        if (sync)
        {
            writer.WriteLine($"/// <exception cref=\"global::System.NotSupportedException\">The client's <c>HttpClient</c> cannot send synchronously (its handler does not override <c>Send</c>, or the request asks for HTTP/2); nothing was sent. The async method sends it. A <c>DelegatingHandler</c> that overrides only <c>SendAsync</c> is passed over, not refused.</exception>");
        }

        writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeApiException\">Stripe answered with an error (after any retries); it carries Stripe's error object and request id.</exception>");
        writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeConnectionException\">No answer arrived: every attempt failed on the network or timed out. Retrying with its idempotency key cannot duplicate the request.</exception>");
        if (operation.Success != SuccessKind.Stream)
        {
            writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeResponseException\">Stripe answered with success but the body could not be read; it carries the request id and idempotency key.</exception>");
        }

        var causes = new List<string>();
        if (operation.OptionsRequired)
        {
            causes.Add("<paramref name=\"options\"/> is null");
        }

        if (operation.PathParameters.Count > 0)
        {
            causes.Add("a path parameter is null or empty");
        }

        if (operation.Body.Kind == BodyKind.Multipart)
        {
            causes.Add("the file's content type is not a media type");
        }

        causes.Add("a <paramref name=\"requestOptions\"/> header value is not printable ASCII");
        string argument = string.Join(", ", causes.GetRange(0, causes.Count - 1)) + (causes.Count > 1 ? " or " : string.Empty) + causes[causes.Count - 1];
        writer.WriteLine($"/// <exception cref=\"global::System.ArgumentException\">{char.ToUpperInvariant(argument[0])}{argument.Substring(1)}; nothing was sent.</exception>");
        if (cancellable)
        {
            writer.WriteLine("/// <exception cref=\"global::System.OperationCanceledException\"><paramref name=\"cancellationToken\"/> was canceled.</exception>");
        }
    }

    /// <summary>What an upload or a download adds to a method's remarks: how the file is sent, and where.</summary>
    private static string FilesRemarks(OperationModel operation) =>
        (operation.Body.File is { } upload
            ? $" The file is streamed from <c>{Options}.{upload.Member}</c>, never buffered whole; the request is retried only when that stream can seek, and put back at its starting position first. A stream that cannot seek is sent once, and one whose read fails ends the call with an <see cref=\"global::System.ArgumentException\"/> naming it, never retried."
            : string.Empty)
        + (operation.Server == OperationServer.Files ? " Sent to <see cref=\"" + TypeNames.Runtime + ".StripeClientOptions.FilesBaseAddress\"/>." : string.Empty);

    /// <summary>A cref to one of the operation's methods: its name, or its name and parameter types where it is overloaded.</summary>
    /// <param name="cancellable">Whether the method takes a cancellation token (see <see cref="MethodShape"/>).</param>
    private static string Cref(OperationModel operation, string method, bool overloaded, bool cancellable = true)
    {
        if (!overloaded)
        {
            return method;
        }

        var types = operation.PathParameters.Select(_ => "string").ToList();
        if (operation.OptionsClass is not null)
        {
            types.Add(operation.OptionsClass);
        }

        types.Add($"{TypeNames.Runtime}.RequestOptions");
        if (cancellable)
        {
            types.Add("global::System.Threading.CancellationToken");
        }

        return method + "(" + string.Join(", ", types) + ")";
    }
}
