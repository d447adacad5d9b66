using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Services;
using Microsoft.OpenApi.Writers;

namespace AccountLinkGen.Generator.Tests.Parsing;

/// <summary>
/// What two readers of one text must agree on: the document as the OpenAPI library writes it back out, and what
/// writing does not show: where each reference points (the component itself, not a copy, nor an unresolved stub),
/// and the runtime type of every typed value (a date and a string, an integer and a long, write the same text).
/// </summary>
internal static class OpenApiDocumentFacts
{
    public static string Describe(OpenApiDocument document)
    {
        var written = new StringWriter();
        document.SerializeAsV3(new OpenApiJsonWriter(written));
        var facts = new FactsVisitor(document);
        new OpenApiWalker(facts).Walk(document);
        return written + "\n" + string.Join("\n", facts.Lines);
    }

    private sealed class FactsVisitor : OpenApiVisitorBase
    {
        private readonly OpenApiDocument _document;

        public FactsVisitor(OpenApiDocument document) => _document = document;

        public List<string> Lines { get; } = new();

        public override void Visit(IOpenApiReferenceable referenceable) =>
            Lines.Add($"{PathString} ref {referenceable.Reference?.Type}/{referenceable.Reference?.Id} unresolved={referenceable.UnresolvedReference} component={IsComponent(referenceable)}");

        public override void Visit(OpenApiSchema schema) =>
            Lines.Add($"{PathString} schema component={IsComponent(schema)} enum={Types(schema.Enum)} default={Type(schema.Default)} example={Type(schema.Example)}");

        public override void Visit(OpenApiParameter parameter) =>
            Lines.Add($"{PathString} parameter in={parameter.In} style={parameter.Style} example={Type(parameter.Example)}");

        public override void Visit(OpenApiMediaType mediaType) => Lines.Add($"{PathString} media example={Type(mediaType.Example)}");

        public override void Visit(OpenApiHeader header) => Lines.Add($"{PathString} header example={Type(header.Example)}");

        public override void Visit(OpenApiExample example) => Lines.Add($"{PathString} example value={Type(example.Value)}");

        public override void Visit(IOpenApiExtensible extensible)
        {
            foreach (KeyValuePair<string, IOpenApiExtension> extension in extensible.Extensions)
            {
                Lines.Add($"{PathString} {extension.Key}={(extension.Value is IOpenApiAny any ? Type(any) : extension.Value.GetType().Name)}");
            }
        }

        /// <summary>Whether the object is its document's component of that kind and name itself, not a copy or a stub.</summary>
        private bool IsComponent(IOpenApiReferenceable referenceable)
        {
            OpenApiComponents? components = _document.Components;
            if (referenceable.Reference?.Id is not { } id || components is null)
            {
                return false;
            }

            object? component = referenceable switch
            {
                OpenApiSchema => Get(components.Schemas, id),
                OpenApiResponse => Get(components.Responses, id),
                OpenApiParameter => Get(components.Parameters, id),
                OpenApiExample => Get(components.Examples, id),
                OpenApiRequestBody => Get(components.RequestBodies, id),
                OpenApiHeader => Get(components.Headers, id),
                OpenApiSecurityScheme => Get(components.SecuritySchemes, id),
                _ => null,
            };
            return ReferenceEquals(component, referenceable);
        }

        private static T? Get<T>(IDictionary<string, T>? components, string id)
            where T : class =>
            components is not null && components.TryGetValue(id, out T? component) ? component : null;

        private static string Types(IEnumerable<IOpenApiAny>? values) => "[" + string.Join(",", (values ?? Enumerable.Empty<IOpenApiAny>()).Select(Type)) + "]";

        private static string Type(IOpenApiAny? value) => value switch
        {
            null => "-",
            OpenApiObject obj => "{" + string.Join(",", obj.Select(p => p.Key + ":" + Type(p.Value))) + "}",
            OpenApiArray array => Types(array),
            OpenApiString text => "String" + (text.IsExplicit() ? "!" : string.Empty),
            _ => value.GetType().Name,
        };
    }
}
