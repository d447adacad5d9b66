using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits a service class per resource: per operation, an async method returning the response model and a
/// <c>…WithResponseAsync</c> twin returning it with the request id, status and headers. Both validate the options
/// first (no request leaves with invalid options), escape path parameters, and send through the runtime's
/// <c>StripeClient</c> with the generated response reader.
/// </summary>
internal static class ServiceEmitter
{
    public static string Emit(SpecModel spec, string serviceName, IReadOnlyList<OperationModel> operations)
    {
        SourceWriter writer = SourceFile.Start(spec);
        writer.WriteLine($"/// <summary>Calls the {DocText.EscapeXml(serviceName.Substring(0, serviceName.Length - "Service".Length))} operations of the Stripe API.</summary>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine($"{spec.Accessibility} sealed partial class {serviceName}");
        using (writer.Braces())
        {
            writer.WriteLine("/// <summary>The API version the spec describes; sent unless the client or the request names another.</summary>");
            writer.WriteLine($"public const string ApiVersion = {DocText.Literal(spec.ApiVersion ?? string.Empty)};");
            writer.WriteLine();
            writer.WriteLine($"private readonly {TypeNames.Runtime}.StripeClient _client;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Creates the service over a configured <see cref=\"{TypeNames.Runtime}.StripeClient\"/>.</summary>");
            writer.WriteLine($"public {serviceName}({TypeNames.Runtime}.StripeClient client)");
            using (writer.Braces())
            {
                writer.WriteLine("_client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
            }

            foreach (OperationModel operation in operations)
            {
                writer.WriteLine();
                WriteMethods(writer, operation);
            }
        }

        return writer.Complete();
    }

    private static void WriteMethods(SourceWriter writer, OperationModel operation)
    {
        WriteMethod(writer, operation, withResponse: false);
        writer.WriteLine();
        WriteMethod(writer, operation, withResponse: true);
    }

    private static void WriteMethod(SourceWriter writer, OperationModel operation, bool withResponse)
    {
        writer.WriteSummary(string.IsNullOrEmpty(operation.Description) ? $"{operation.HttpMethod} {operation.Path}" : operation.Description);
        writer.WriteLine($"/// <remarks><c>{operation.HttpMethod} {DocText.EscapeXml(operation.Path)}</c> (<c>{DocText.EscapeXml(operation.OperationId)}</c>).</remarks>");
        foreach (PathParameterModel parameter in operation.PathParameters)
        {
            writer.WriteLine($"/// <param name=\"{parameter.Name.TrimStart('@')}\">The <c>{DocText.EscapeXml(parameter.WireName)}</c> path parameter.</param>");
        }

        if (operation.OptionsClass is not null)
        {
            writer.WriteLine("/// <param name=\"options\">The parameters; validated before anything is sent.</param>");
        }

        writer.WriteLine("/// <param name=\"requestOptions\">Per-request idempotency key, connected account and API version.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the request and any retry.</param>");
        writer.WriteLine(withResponse
            ? "/// <returns>The parsed response with its request id, status, headers and idempotency key.</returns>"
            : $"/// <returns>The parsed response; <see cref=\"{operation.WithResponseMethodName}\"/> also returns its request id.</returns>");
        WriteExceptions(writer, operation);

        var parameters = new List<string>();
        foreach (PathParameterModel parameter in operation.PathParameters)
        {
            parameters.Add("string " + parameter.Name);
        }

        if (operation.OptionsClass is not null)
        {
            parameters.Add(operation.OptionsRequired ? operation.OptionsClass + " options" : operation.OptionsClass + "? options = null");
        }

        parameters.Add($"{TypeNames.Runtime}.RequestOptions? requestOptions = null");
        parameters.Add("global::System.Threading.CancellationToken cancellationToken = default");

        string returned = withResponse ? $"{TypeNames.Runtime}.StripeResponse<{operation.ResponseType}>" : operation.ResponseType;
        string name = withResponse ? operation.WithResponseMethodName : operation.MethodName;
        writer.WriteLine($"public global::System.Threading.Tasks.Task<{returned}> {name}(");
        writer.Indentation++;
        for (int i = 0; i < parameters.Count; i++)
        {
            writer.WriteLine(parameters[i] + (i == parameters.Count - 1 ? ")" : ","));
        }

        writer.Indentation--;
        using (writer.Braces())
        {
            foreach (PathParameterModel parameter in operation.PathParameters)
            {
                writer.WriteLine($"if (string.IsNullOrEmpty({parameter.Name}))");
                using (writer.Braces())
                {
                    writer.WriteLine($"throw new global::System.ArgumentException(\"The path parameter '{parameter.WireName}' must not be null or empty.\", nameof({parameter.Name}));");
                }

                writer.WriteLine();
            }

            if (operation.OptionsClass is not null)
            {
                if (operation.OptionsRequired)
                {
                    writer.WriteLine("if (options is null)");
                    using (writer.Braces())
                    {
                        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(options));");
                    }

                    writer.WriteLine();
                    writer.WriteLine("options.Validate().ThrowIfInvalid();");
                }
                else
                {
                    writer.WriteLine("options?.Validate().ThrowIfInvalid();");
                }
            }

            writer.WriteLine(withResponse ? "return _client.SendWithResponseAsync(" : "return _client.SendAsync(");
            writer.Indentation++;
            writer.WriteLine($"global::System.Net.Http.HttpMethod.{operation.HttpMethodName},");
            writer.WriteLine(PathExpression(operation) + ",");
            writer.WriteLine((operation.OptionsClass is null ? "null" : "options") + ",");
            writer.WriteLine($"{operation.ResponseType}.FromJson,");
            writer.WriteLine("ApiVersion,");
            writer.WriteLine("requestOptions,");
            writer.WriteLine("cancellationToken);");
            writer.Indentation--;
        }
    }

    /// <summary>
    /// Every exception a service method can end in. The four failures of a call share
    /// <c>StripeException</c>; argument errors and cancellation are the caller's own.
    /// </summary>
    private static void WriteExceptions(SourceWriter writer, OperationModel operation)
    {
        if (operation.OptionsClass is not null)
        {
            writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeValidationException\">The options are invalid; nothing was sent. Thrown by this method itself, not through the returned task.</exception>");
        }

        writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeApiException\">Stripe answered with an error (after any retries); it carries Stripe's error object and request id.</exception>");
        writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeConnectionException\">No answer arrived: every attempt failed on the network or timed out. Retrying with its idempotency key cannot duplicate the request.</exception>");
        writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeResponseException\">Stripe answered with success but the body could not be read; it carries the request id and idempotency key.</exception>");
        var causes = new List<string>();
        if (operation.OptionsRequired)
        {
            causes.Add("<paramref name=\"options\"/> is null");
        }

        if (operation.PathParameters.Count > 0)
        {
            causes.Add("a path parameter is null or empty");
        }

        causes.Add("a <paramref name=\"requestOptions\"/> header value is not printable ASCII");
        string argument = string.Join(", ", causes.GetRange(0, causes.Count - 1)) + (causes.Count > 1 ? " or " : string.Empty) + causes[causes.Count - 1];
        writer.WriteLine($"/// <exception cref=\"global::System.ArgumentException\">{char.ToUpperInvariant(argument[0])}{argument.Substring(1)}; nothing was sent.</exception>");
        writer.WriteLine("/// <exception cref=\"global::System.OperationCanceledException\"><paramref name=\"cancellationToken\"/> was canceled.</exception>");
    }

    /// <summary>The path as a C# expression, with every <c>{parameter}</c> URL-escaped.</summary>
    private static string PathExpression(OperationModel operation)
    {
        var parts = new List<string>();
        foreach (PathPart part in operation.PathParts)
        {
            parts.Add(part.IsParameter ? $"global::System.Uri.EscapeDataString({part.Text})" : DocText.Literal(part.Text));
        }

        return parts.Count == 0 ? DocText.Literal(operation.Path) : string.Join(" + ", parts);
    }
}
