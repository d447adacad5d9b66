using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits a service class per resource: per operation, the operation's description once (its name, method, path
/// template and host, and how its success is read), one method that builds the call's request (checking the path
/// parameters, validating the options, escaping the path), and the public methods that send that request through the
/// runtime's <c>IStripeClient</c>: an async method returning the response model and a <c>…WithResponseAsync</c>
/// twin returning it with the request id, status and headers, which differ only in the reader they pass.
/// </summary>
internal static class ServiceEmitter
{
    // The parameters every service method has besides the path's: public API, so never renamed.
    internal const string Options = "options";
    internal const string RequestOptions = "requestOptions";
    internal const string CancellationToken = "cancellationToken";

    // What follows an operation's field name in the names of its reader and its request builder.
    private const string ReaderSuffix = "_Reader";
    private const string RequestSuffix = "_Request";

    public static string Emit(SpecModel spec, string serviceName, IReadOnlyList<OperationModel> operations)
    {
        SourceWriter writer = SourceFile.Start(spec);
        writer.WriteLine($"/// <summary>Calls the {DocText.EscapeXml(Naming.ServiceResource(serviceName))} operations of the Stripe API.</summary>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine($"{spec.Accessibility} sealed partial class {serviceName}");
        using (writer.Braces())
        {
            writer.WriteLine("/// <summary>The API version the spec describes; sent unless the client or the request names another.</summary>");
            writer.WriteLine($"public const string ApiVersion = {DocText.Literal(spec.ApiVersion ?? string.Empty)};");
            writer.WriteLine();
            writer.WriteLine($"private readonly {TypeNames.Runtime}.IStripeClient _client;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Creates the service over a configured client, such as a <see cref=\"{TypeNames.Runtime}.StripeClient\"/>.</summary>");
            writer.WriteLine($"public {serviceName}({TypeNames.Runtime}.IStripeClient client)");
            using (writer.Braces())
            {
                writer.WriteLine("_client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
            }

            var members = new List<string> { serviceName, "ApiVersion", "_client" };
            foreach (OperationModel operation in operations)
            {
                members.Add(operation.MethodName);
                members.Add(operation.WithResponseMethodName);
                if (operation.Paging is { } paging)
                {
                    members.Add(paging.MethodName);
                }
            }

            foreach (OperationModel operation in operations)
            {
                // Overloads (a singleton's GetAsync() beside GetAsync(id)) are told apart in crefs by their parameters.
                bool overloaded = operations.Count(o => o.MethodName == operation.MethodName) > 1;
                writer.WriteLine();
                WriteMethods(writer, spec, operation, members, overloaded);
            }
        }

        // The options of a paging operation copy themselves for each page after the first.
        foreach (OperationModel operation in operations.Where(o => o.Paging is not null).GroupBy(o => o.OptionsClass).Select(g => g.First()))
        {
            writer.WriteLine();
            PagingEmitter.WriteOptionsCopy(writer, operation);
        }

        return writer.Complete();
    }

    private static void WriteMethods(SourceWriter writer, SpecModel spec, OperationModel operation, List<string> members, bool overloaded)
    {
        // Path parameters are named after the spec; the others are the methods' fixed, documented API.
        LocalNames names = Naming.Locals(members.Concat(new[] { Options, RequestOptions, CancellationToken }));
        var pathParameters = new List<(PathParameterModel Model, string Name)>();
        foreach (PathParameterModel parameter in operation.PathParameters)
        {
            pathParameters.Add((parameter, names.DeclareName(parameter.Name)));
        }

        WriteDescription(writer, spec, operation, names);
        WriteDocs(writer, operation, pathParameters, Cref(operation, operation.WithResponseMethodName, overloaded));
        WriteMethod(writer, operation, pathParameters, withResponse: false);
        writer.WriteLine();

        // The twin differs only in what it returns: its docs are the plain method's, with its own <returns>.
        writer.WriteLine($"/// <inheritdoc cref=\"{Cref(operation, operation.MethodName, overloaded)}\" path=\"/*[not(self::returns)]\"/>");
        writer.WriteLine(operation.Success == SuccessKind.Stream
            ? "/// <returns>The response body as a stream, which the caller disposes, with its request id, status, headers and idempotency key.</returns>"
            : "/// <returns>The parsed response with its request id, status, headers and idempotency key.</returns>");
        WriteMethod(writer, operation, pathParameters, withResponse: true);
        writer.WriteLine();
        WriteRequestBuilder(writer, operation, pathParameters, names, Cref(operation, operation.MethodName, overloaded));
        if (operation.Paging is not null)
        {
            writer.WriteLine();
            PagingEmitter.WriteMethod(writer, operation, pathParameters, members, Cref(operation, operation.MethodName, overloaded));
        }
    }

    /// <summary>
    /// The operation's description, built once: its name, method, path template and host (which also name the call's
    /// span and metrics), and the reader of its success, whose <c>WithResponse</c> twin the runtime builds once too.
    /// </summary>
    private static void WriteDescription(SourceWriter writer, SpecModel spec, OperationModel operation, LocalNames names)
    {
        string field = Naming.OperationField(operation.OperationId);
        string server = operation.Server == OperationServer.Files ? $", {TypeNames.Runtime}.StripeServer.Files" : string.Empty;
        writer.WriteLine($"private static readonly {TypeNames.Runtime}.StripeOperation {field} = new({DocText.Literal(operation.OperationId)}, global::System.Net.Http.HttpMethod.{operation.HttpMethodName}, {DocText.Literal(operation.Path)}{server});");
        writer.WriteLine();
        string response = TypeNames.Spell(operation.Response, forResponse: true);
        string reader = operation.Success == SuccessKind.Stream
            ? $"{TypeNames.Runtime}.StripeReader.Stream"
            : $"{TypeNames.Runtime}.StripeReader.Json<{response}>({ReadResponse(spec, operation.Response, names)})";
        writer.WriteLine($"private static readonly {TypeNames.Runtime}.StripeReader<{response}> {field}{ReaderSuffix} = {reader};");
        writer.WriteLine();
    }

    /// <summary>
    /// The response reader passed to the client: a response model's own <c>FromJson</c>, or the runtime's page
    /// reader with the reader of the page's items.
    /// </summary>
    private static string ReadResponse(SpecModel spec, TypeRef response, LocalNames names)
    {
        if (response.Kind is not (TypeKind.List or TypeKind.SearchResult))
        {
            return response.Name + ".FromJson";
        }

        string json = names.Declare("json");
        string table = spec.ObjectTable is { } objects ? "global::" + spec.Namespace + "." + objects.Name + ".Read" : "null";
        return $"static {json} => " + ResponseEmitter.ReadPage(response, json, "global::" + spec.Namespace + ".", names.Declare("item"), table);
    }

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
    /// Writes a method's declaration up to its body: what precedes the parameters, then the parameters every method of
    /// the operation takes, one to a line (the path's, the options, the request options and the cancellation token).
    /// </summary>
    internal static void WriteSignature(SourceWriter writer, string declaration, OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters)
    {
        var parameters = new List<string>();
        foreach (var (_, name) in pathParameters)
        {
            parameters.Add("string " + Naming.Identifier(name));
        }

        if (operation.OptionsClass is not null)
        {
            parameters.Add(operation.OptionsRequired ? $"{operation.OptionsClass} {Options}" : $"{operation.OptionsClass}? {Options} = null");
        }

        parameters.Add($"{TypeNames.Runtime}.RequestOptions? {RequestOptions} = null");
        parameters.Add($"global::System.Threading.CancellationToken {CancellationToken} = default");
        writer.WriteLine(declaration + "(");
        writer.Indentation++;
        for (int i = 0; i < parameters.Count; i++)
        {
            writer.WriteLine(parameters[i] + (i == parameters.Count - 1 ? ")" : ","));
        }

        writer.Indentation--;
    }

    /// <summary>A public method: it builds the operation's request with its own reader and sends it.</summary>
    private static void WriteMethod(SourceWriter writer, OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters, bool withResponse)
    {
        string response = TypeNames.Spell(operation.Response, forResponse: true);
        string returned = withResponse ? $"{TypeNames.Runtime}.StripeResponse<{response}>" : response;
        string method = withResponse ? operation.WithResponseMethodName : operation.MethodName;
        string field = Naming.OperationField(operation.OperationId);
        var arguments = pathParameters.ConvertAll(p => Naming.Identifier(p.Name));
        if (operation.OptionsClass is not null)
        {
            arguments.Add(Options);
        }

        arguments.Add(field + ReaderSuffix + (withResponse ? ".WithResponse" : string.Empty));
        WriteSignature(writer, $"public global::System.Threading.Tasks.Task<{returned}> {method}", operation, pathParameters);
        writer.Indentation++;
        writer.WriteLine("=> _client.SendAsync(");
        writer.Indentation++;
        writer.WriteLine($"{field}{RequestSuffix}({string.Join(", ", arguments)}),");
        writer.WriteLine($"{RequestOptions},");
        writer.WriteLine($"{CancellationToken});");
        writer.Indentation -= 2;
    }

    /// <summary>
    /// The one body the operation's methods share: it checks the arguments and builds the request, so that a bad
    /// argument is thrown by the method itself, before anything is sent.
    /// </summary>
    private static void WriteRequestBuilder(SourceWriter writer, OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters, LocalNames names, string methodCref)
    {
        string reader = names.Declare("reader");
        string field = Naming.OperationField(operation.OperationId);
        var parameters = pathParameters.ConvertAll(p => "string " + Naming.Identifier(p.Name));
        if (operation.OptionsClass is not null)
        {
            parameters.Add(operation.OptionsRequired ? $"{operation.OptionsClass} {Options}" : $"{operation.OptionsClass}? {Options}");
        }

        parameters.Add($"{TypeNames.Runtime}.StripeReader<TResult> {reader}");
        writer.WriteLine($"/// <summary>The request of <see cref=\"{methodCref}\"/> and its twins, read by <paramref name=\"{reader}\"/>.</summary>");
        writer.WriteLine($"private static {TypeNames.Runtime}.StripeRequest<TResult> {field}{RequestSuffix}<TResult>(");
        writer.Indentation++;
        for (int i = 0; i < parameters.Count; i++)
        {
            writer.WriteLine(parameters[i] + (i == parameters.Count - 1 ? ")" : ","));
        }

        writer.Indentation--;
        using (writer.Braces())
        {
            WriteArgumentChecks(writer, operation, pathParameters);
            if (operation.OptionsClass is not null)
            {
                writer.WriteLine(); // Each path parameter's check ends with its own blank line.
            }

            writer.WriteLine($"return new {TypeNames.Runtime}.StripeRequest<TResult>(");
            writer.Indentation++;
            writer.WriteLine(field + ",");
            writer.WriteLine((pathParameters.Count == 0 ? field + ".PathTemplate" : PathExpression(operation, pathParameters)) + ",");
            writer.WriteLine("ApiVersion,");
            writer.WriteLine(Body(operation) + ",");
            writer.WriteLine(reader + ");");
            writer.Indentation--;
        }
    }

    /// <summary>The request's body: none, the options as a form, or the upload of the options' file with the rest beside it.</summary>
    private static string Body(OperationModel operation)
    {
        if (operation.Body is { Kind: BodyKind.Multipart, File: { } upload })
        {
            string file = $"{DocText.Literal(upload.WireName)}, {Options}.{upload.Member}, {Options}.{upload.FileNameMember}, {Options}.{upload.ContentTypeMember}";
            return $"{TypeNames.Runtime}.StripeBody.Multipart({Options}, new {TypeNames.Runtime}.StripeFilePart({file}))";
        }

        return operation.Body.Kind == BodyKind.Form ? $"{TypeNames.Runtime}.StripeBody.Form({Options})" : $"{TypeNames.Runtime}.StripeBody.None";
    }

    /// <summary>Checks the path parameters and validates the options, before anything is sent.</summary>
    internal static void WriteArgumentChecks(SourceWriter writer, OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters)
    {
        foreach (var (parameter, name) in pathParameters)
        {
            string identifier = Naming.Identifier(name);
            writer.WriteLine($"if (string.IsNullOrEmpty({identifier}))");
            using (writer.Braces())
            {
                writer.WriteLine($"throw new global::System.ArgumentException({DocText.Literal($"The path parameter '{parameter.WireName}' must not be null or empty.")}, nameof({identifier}));");
            }

            writer.WriteLine();
        }

        if (operation.OptionsClass is not null)
        {
            if (operation.OptionsRequired)
            {
                writer.WriteLine($"if ({Options} is null)");
                using (writer.Braces())
                {
                    writer.WriteLine($"throw new global::System.ArgumentNullException(nameof({Options}));");
                }

                writer.WriteLine();
                writer.WriteLine($"{Options}.Validate().ThrowIfInvalid();");
            }
            else
            {
                writer.WriteLine($"{Options}?.Validate().ThrowIfInvalid();");
            }
        }
    }

    /// <summary>
    /// Every exception a service method can end in. The four failures of a call share
    /// <c>StripeException</c>; argument errors and cancellation are the caller's own.
    /// </summary>
    internal static void WriteExceptions(SourceWriter writer, OperationModel operation)
    {
        if (operation.OptionsClass is not null)
        {
            writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeValidationException\">The options are invalid; nothing was sent. Thrown by this method itself, not through the returned task.</exception>");
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
        writer.WriteLine("/// <exception cref=\"global::System.OperationCanceledException\"><paramref name=\"cancellationToken\"/> was canceled.</exception>");
    }

    /// <summary>What an upload or a download adds to a method's remarks: how the file is sent, and where.</summary>
    private static string FilesRemarks(OperationModel operation) =>
        (operation.Body.File is { } upload
            ? $" The file is streamed from <c>{Options}.{upload.Member}</c>, never buffered whole; the request is retried only when that stream can seek, and put back at its starting position first. A stream that cannot seek is sent once, and one whose read fails ends the call with an <see cref=\"global::System.ArgumentException\"/> naming it, never retried."
            : string.Empty)
        + (operation.Server == OperationServer.Files ? " Sent to <see cref=\"" + TypeNames.Runtime + ".StripeClientOptions.FilesBaseAddress\"/>." : string.Empty);

    /// <summary>A cref to one of the operation's two methods: its name, or its name and parameter types where it is overloaded.</summary>
    private static string Cref(OperationModel operation, string method, bool overloaded)
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
        types.Add("global::System.Threading.CancellationToken");
        return method + "(" + string.Join(", ", types) + ")";
    }

    /// <summary>The path as a C# expression, with every <c>{parameter}</c> URL-escaped.</summary>
    internal static string PathExpression(OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters)
    {
        var parts = new List<string>();
        foreach (PathPart part in operation.PathParts)
        {
            parts.Add(part.IsParameter ? $"global::System.Uri.EscapeDataString({Naming.Identifier(Declared(part.Text, pathParameters))})" : DocText.Literal(part.Text));
        }

        return parts.Count == 0 ? DocText.Literal(operation.Path) : string.Join(" + ", parts);
    }

    /// <summary>The name a path parameter was declared with, from the name the spec gave it.</summary>
    private static string Declared(string name, List<(PathParameterModel Model, string Name)> pathParameters)
    {
        foreach (var (parameter, declared) in pathParameters)
        {
            if (parameter.Name == name)
            {
                return declared;
            }
        }

        return name;
    }
}
