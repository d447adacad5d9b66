using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits a service class per resource. Per operation, a private nested class holds what its methods share: the
/// operation's description (its name, method, path template and host), the reader of its success, and the one method
/// that builds the call's request (checking the path parameters, validating the options, escaping the path). The
/// public methods send that request through the runtime's <c>IStripeClient</c>: <c>CreateAsync</c> returning the
/// response model, <c>CreateWithResponseAsync</c> returning it with the request id, status and headers, and their
/// synchronous twins <c>Create</c> and <c>CreateWithResponse</c>; the four differ only in the reader they pass, the
/// client method they call and, in Stripe.net's shape, whether they take a cancellation token (<see cref="MethodShape"/>).
/// </summary>
internal static partial class ServiceEmitter
{
    // The parameters every service method has besides the path's: public API, so never renamed.
    internal const string Options = "options";
    internal const string RequestOptions = "requestOptions";
    internal const string CancellationToken = "cancellationToken";

    // The members of an operation's nested class (OperationNames.Call): it holds nothing else, so they meet no spec name.
    private const string CallOperation = "Operation";
    private const string CallReader = "Reader";
    private const string CallReaderWithResponse = "ReaderWithResponse";
    private const string CallRequest = "Request";

    public static string Emit(SpecModel spec, string serviceName, IReadOnlyList<OperationModel> operations)
    {
        SourceWriter writer = SourceFile.StartFor(spec, serviceName);
        string declared = Naming.DeclaredName(serviceName);
        writer.WriteLine($"/// <summary>Calls the {DocText.EscapeXml(Naming.ServiceResource(declared))} operations of the Stripe API.</summary>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        MethodShape shape = MethodShape.Of(spec);
        writer.WriteLine($"{spec.Accessibility} {shape.ClassModifiers} class {declared}");
        using (writer.Braces())
        {
            writer.WriteLine("/// <summary>The API version the spec describes; sent unless the client or the request names another.</summary>");
            writer.WriteLine($"public const string ApiVersion = {DocText.Literal(spec.ApiVersion ?? string.Empty)};");
            writer.WriteLine();
            bool configured = shape.StripeNet;
            writer.WriteLine($"private readonly {TypeNames.Runtime}.IStripeClient{(configured ? "?" : string.Empty)} {MethodShape.ClientField};");
            writer.WriteLine();
            if (configured)
            {
                // Stripe.net's services also work without a client: they read the process-wide one at each call.
                writer.WriteLine($"/// <summary>Creates the service over <see cref=\"{TypeNames.Runtime}.StripeConfiguration.StripeClient\"/>, read at each call, as Stripe.net's services do.</summary>");
                writer.WriteLine($"public {declared}()");
                using (writer.Braces())
                {
                }

                writer.WriteLine();
            }

            writer.WriteLine($"/// <summary>Creates the service over a configured client, such as a <see cref=\"{TypeNames.Runtime}.StripeClient\"/>.</summary>");
            writer.WriteLine($"public {declared}({TypeNames.Runtime}.IStripeClient client)");
            using (writer.Braces())
            {
                writer.WriteLine($"{MethodShape.ClientField} = client ?? throw new global::System.ArgumentNullException(nameof(client));");
            }

            if (configured)
            {
                writer.WriteLine();
                writer.WriteLine("/// <summary>The client given to the constructor, else the process-wide one.</summary>");
                writer.WriteLine($"private {TypeNames.Runtime}.IStripeClient {shape.Client} => {MethodShape.ClientField} ?? {TypeNames.Runtime}.StripeConfiguration.StripeClient;");
            }

            var members = new List<string> { declared, "ApiVersion", MethodShape.ClientField };
            if (configured)
            {
                members.Add(shape.Client);
            }

            foreach (OperationModel operation in operations)
            {
                members.Add(operation.Names.Async);
                members.Add(operation.Names.WithResponseAsync);
                members.Add(operation.Names.Sync);
                members.Add(operation.Names.SyncWithResponse);
                members.Add(operation.Names.Call);
                if (operation.Paging is { } paging)
                {
                    members.Add(paging.MethodName);
                    members.Add(paging.SyncMethodName);
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

        MethodShape shape = MethodShape.Of(spec);
        writer.WriteLine($"/// <summary>What the methods of <c>{operation.HttpMethod} {DocText.EscapeXml(operation.Path)}</c> share: the operation, the reader of its success, and its request.</summary>");
        writer.WriteLine($"private static class {operation.Names.Call}");
        using (writer.Braces())
        {
            WriteCallDescription(writer, spec, operation, names);
            WriteRequestBuilder(writer, operation, pathParameters, names, Cref(operation, operation.Names.Async, overloaded));
        }

        writer.WriteLine();
        WriteDocs(writer, operation, pathParameters, Cref(operation, operation.Names.WithResponseAsync, overloaded));
        WriteMethod(writer, operation, pathParameters, MethodKind.Async, shape);
        writer.WriteLine();
        WriteWithResponseDocs(writer, operation, Cref(operation, operation.Names.Async, overloaded));
        WriteMethod(writer, operation, pathParameters, MethodKind.WithResponseAsync, shape);
        writer.WriteLine();

        // The synchronous twins say what their async twins say, but for how they fail.
        string syncCref = Cref(operation, operation.Names.Sync, overloaded, shape.TakesCancellation(sync: true));
        writer.WriteLine($"/// <inheritdoc cref=\"{Cref(operation, operation.Names.Async, overloaded)}\" path=\"{shape.SyncDocsPath}\"/>");
        WriteExceptions(writer, operation, sync: true, shape.TakesCancellation(sync: true));
        WriteMethod(writer, operation, pathParameters, MethodKind.Sync, shape);
        writer.WriteLine();
        WriteWithResponseDocs(writer, operation, syncCref);
        WriteMethod(writer, operation, pathParameters, MethodKind.SyncWithResponse, shape);
        if (operation.Paging is not null)
        {
            writer.WriteLine();
            PagingEmitter.WriteMethod(writer, operation, pathParameters, members, new PagingEmitter.PagingMethod(Sync: false, Cref(operation, operation.Names.Async, overloaded), shape));
            writer.WriteLine();
            PagingEmitter.WriteMethod(writer, operation, pathParameters, members, new PagingEmitter.PagingMethod(Sync: true, syncCref, shape));
        }
    }

    /// <summary>The four public methods of an operation: async or not, returning the model or it with the response's details.</summary>
    private enum MethodKind
    {
        Async,
        WithResponseAsync,
        Sync,
        SyncWithResponse,
    }

    /// <summary>A <c>…WithResponse</c> twin's docs: its plain twin's, with its own <c>&lt;returns&gt;</c>.</summary>
    private static void WriteWithResponseDocs(SourceWriter writer, OperationModel operation, string plainCref)
    {
        writer.WriteLine($"/// <inheritdoc cref=\"{plainCref}\" path=\"/*[not(self::returns)]\"/>");
        writer.WriteLine(operation.Success == SuccessKind.Stream
            ? "/// <returns>The response body as a stream, which the caller disposes, with its request id, status, headers and idempotency key.</returns>"
            : "/// <returns>The parsed response with its request id, status, headers and idempotency key.</returns>");
    }

    /// <summary>
    /// In the operation's nested class (<see cref="OperationNames.Call"/>), what its methods share, built once: the
    /// operation's description (its name, method, path template and host, which also name the call's span and metrics)
    /// and the reader of its success, with and without the response's details.
    /// </summary>
    private static void WriteCallDescription(SourceWriter writer, SpecModel spec, OperationModel operation, LocalNames names)
    {
        string server = operation.Server == OperationServer.Files ? $", {TypeNames.Runtime}.StripeServer.Files" : string.Empty;
        string response = TypeNames.Spell(operation.Response, readOnlyCollections: true);
        string reader = operation.Success == SuccessKind.Stream
            ? $"{TypeNames.Runtime}.StripeReader.Stream"
            : $"{TypeNames.Runtime}.StripeReader.Json<{response}>({ReadResponse(spec, operation.Response, names)})";
        writer.WriteLine($"public static readonly {TypeNames.Runtime}.StripeOperation {CallOperation} = new({DocText.Literal(operation.OperationId)}, global::System.Net.Http.HttpMethod.{operation.HttpMethodName}, {DocText.Literal(operation.Path)}{server});");
        writer.WriteLine();
        writer.WriteLine($"public static readonly {TypeNames.Runtime}.StripeReader<{response}> {CallReader} = {reader};");
        writer.WriteLine();
        writer.WriteLine($"public static readonly {TypeNames.Runtime}.StripeReader<{TypeNames.Runtime}.StripeResponse<{response}>> {CallReaderWithResponse} = {TypeNames.Runtime}.StripeReader.WithResponse({CallReader});");
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
            // Qualified: inside the operation's nested class a bare model name could meet a member or a method's name.
            return TypeNames.Qualified("global::" + spec.Namespace + ".", response.Name!) + "." + GeneratedMembers.FromJson;
        }

        string json = names.Declare("json");
        string table = spec.ObjectTable is { } objects ? "global::" + spec.Namespace + "." + objects.Name + ".Read" : "null";
        return $"static {json} => " + ResponseEmitter.ReadPage(response, json, "global::" + spec.Namespace + ".", names.Declare("item"), table);
    }

    /// <summary>
    /// Writes a method's declaration up to its body: what precedes the parameters, then the parameters every method of
    /// the operation takes, one to a line (the path's, the options, the request options and, unless
    /// <paramref name="cancellable"/> is false, the cancellation token).
    /// </summary>
    internal static void WriteSignature(SourceWriter writer, string declaration, OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters, bool cancellable)
    {
        var parameters = new List<string>();
        foreach (var (_, name) in pathParameters)
        {
            parameters.Add("string " + Naming.Identifier(name));
        }

        if (operation.OptionsClass is not null)
        {
            parameters.Add(operation.OptionsRequired ? $"{operation.OptionsClass} {Options}"
                : operation.OptionsWithoutDefault ? $"{operation.OptionsClass}? {Options}"
                : $"{operation.OptionsClass}? {Options} = null");
        }

        parameters.Add($"{TypeNames.Runtime}.RequestOptions? {RequestOptions} = null");
        if (cancellable)
        {
            parameters.Add($"global::System.Threading.CancellationToken {CancellationToken} = default");
        }

        writer.WriteLine(declaration + "(");
        writer.Indentation++;
        for (int i = 0; i < parameters.Count; i++)
        {
            writer.WriteLine(parameters[i] + (i == parameters.Count - 1 ? ")" : ","));
        }

        writer.Indentation--;
    }

    /// <summary>A public method: it builds the operation's request with its own reader and sends it.</summary>
    private static void WriteMethod(SourceWriter writer, OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters, MethodKind kind, MethodShape shape)
    {
        bool withResponse = kind is MethodKind.WithResponseAsync or MethodKind.SyncWithResponse;
        bool async = kind is MethodKind.Async or MethodKind.WithResponseAsync;
        string response = TypeNames.Spell(operation.Response, readOnlyCollections: true);
        string returned = withResponse ? $"{TypeNames.Runtime}.StripeResponse<{response}>" : response;
        string method = kind switch
        {
            MethodKind.Async => operation.Names.Async,
            MethodKind.WithResponseAsync => operation.Names.WithResponseAsync,
            MethodKind.Sync => operation.Names.Sync,
            _ => operation.Names.SyncWithResponse,
        };
        var arguments = pathParameters.ConvertAll(p => Naming.Identifier(p.Name));
        if (operation.OptionsClass is not null)
        {
            arguments.Add(Options);
        }

        arguments.Add($"{operation.Names.Call}.{(withResponse ? CallReaderWithResponse : CallReader)}");
        string declaration = async ? $"{shape.MethodModifiers} global::System.Threading.Tasks.Task<{returned}> {method}" : $"{shape.MethodModifiers} {returned} {method}";
        WriteSignature(writer, declaration, operation, pathParameters, shape.TakesCancellation(!async));
        writer.Indentation++;
        writer.WriteLine(async ? $"=> {shape.Client}.SendAsync(" : $"=> {shape.Client}.Send(");
        writer.Indentation++;
        writer.WriteLine($"{operation.Names.Call}.{CallRequest}({string.Join(", ", arguments)}),");
        writer.WriteLine($"{RequestOptions},");
        writer.WriteLine($"{shape.Token(!async)});");
        writer.Indentation -= 2;
    }

    /// <summary>
    /// The one body the operation's methods share: it checks the arguments and builds the request, so that a bad
    /// argument is thrown by the method itself, before anything is sent.
    /// </summary>
    private static void WriteRequestBuilder(SourceWriter writer, OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters, LocalNames names, string methodCref)
    {
        string reader = names.Declare("reader");
        var parameters = pathParameters.ConvertAll(p => "string " + Naming.Identifier(p.Name));
        if (operation.OptionsClass is not null)
        {
            parameters.Add(operation.OptionsRequired ? $"{operation.OptionsClass} {Options}" : $"{operation.OptionsClass}? {Options}");
        }

        parameters.Add($"{TypeNames.Runtime}.StripeReader<TResult> {reader}");
        writer.WriteLine($"/// <summary>The request of <see cref=\"{methodCref}\"/> and its twins, read by <paramref name=\"{reader}\"/>.</summary>");
        writer.WriteLine($"public static {TypeNames.Runtime}.StripeRequest<TResult> {CallRequest}<TResult>(");
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
            writer.WriteLine(CallOperation + ",");
            writer.WriteLine((pathParameters.Count == 0 ? CallOperation + ".PathTemplate" : PathExpression(operation, pathParameters)) + ",");
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
            // A nullable file member (Stripe.net's shape) is set here: Validate() has refused a request without it.
            string content = $"{Options}.{upload.Member}" + (upload.MemberNullable ? "!" : string.Empty);
            string file = $"{DocText.Literal(upload.WireName)}, {content}, {Options}.{upload.FileNameMember}, {Options}.{upload.ContentTypeMember}";
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
