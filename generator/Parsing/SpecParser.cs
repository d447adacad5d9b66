using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Parsing.Reading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Readers.Exceptions;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Turns one spec file into a <see cref="SpecModel"/>: reads it with Microsoft.OpenApi.Readers, walks every
/// (kept) operation and collects the types to generate. OpenAPI objects never leave this folder.
/// </summary>
internal static class SpecParser
{
    // The reader's one error for a $ref it could not resolve; the schema's name is all it gives.
    private const string UnresolvedReferencePrefix = "Invalid Reference identifier '";

    // The pointer the reader gives a YAML or JSON syntax error: "#line=7", the line alone.
    private const string SyntaxErrorPointerPrefix = "#line=";

    /// <summary>
    /// Whether a file looks like an OpenAPI or Swagger document: it has an <c>openapi</c> or <c>swagger</c> key
    /// (quoted or not, at a line's start or after <c>{</c>, <c>,</c> or white space, then <c>:</c>). Files that are
    /// only candidates (any <c>.yaml</c>, <c>.yml</c> or <c>.json</c> AdditionalFile) and do not look like one are
    /// ignored silently.
    /// </summary>
    /// <remarks>
    /// Stripe's spec lists its keys in order, so <c>openapi</c> comes after 3 MB of components: the words are found
    /// with the BCL's vectorized search and only each hit's surroundings are looked at.
    /// </remarks>
    public static bool LooksLikeSpec(string text) => HasKey(text, "openapi") || HasKey(text, "swagger");

    private static bool HasKey(string text, string key)
    {
        for (int i = text.IndexOf(key, StringComparison.Ordinal); i >= 0; i = text.IndexOf(key, i + key.Length, StringComparison.Ordinal))
        {
            int before = i > 0 && text[i - 1] is '"' or '\'' ? i - 1 : i;
            bool startsKey = before == 0 || text[before - 1] is '{' or ',' || char.IsWhiteSpace(text[before - 1]);
            int after = i + key.Length;
            if (after < text.Length && text[after] is '"' or '\'')
            {
                after++;
            }

            while (after < text.Length && char.IsWhiteSpace(text[after]))
            {
                after++;
            }

            if (startsKey && after < text.Length && text[after] == ':')
            {
                return true;
            }
        }

        return false;
    }

    public static SpecModel? Parse(SpecInput input, GeneratorOptions options, CancellationToken cancellationToken)
    {
        if (input.Namespace is { } ns)
        {
            // The item's own namespace wins over the project's; an invalid one is an error and the project's applies.
            options = InputReader.IsValidNamespace(ns) ? options with { Namespace = ns } : options;
        }

        if (input.Text is null)
        {
            if (!input.Explicit)
            {
                return null;
            }

            return Build(input, options, null, EquatableArray.ToEquatableArray(new[] { new DiagnosticInfo(DiagnosticDescriptors.SpecFileNotFound, null, EquatableArray.ToEquatableArray(new[] { input.Path })) }));
        }

        if (!input.Explicit && !LooksLikeSpec(input.Text))
        {
            return null;
        }

        var locator = new SpecLocator(input.Path, input.Text);
        try
        {
            return ParseDocument(input, options, locator, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The reader and the walk are defensive, but a generator must never throw: say what failed instead.
            var failure = new DiagnosticInfo(DiagnosticDescriptors.GenerationFailed, locator.FileStart(), new[] { input.Path, Describe(exception) }.ToEquatableArray());
            return Build(input, options, null, EquatableArray.ToEquatableArray(new[] { failure }));
        }
    }

    private static SpecModel ParseDocument(SpecInput input, GeneratorOptions options, SpecLocator locator, CancellationToken cancellationToken)
    {
        var diagnostics = new ParseDiagnostics(locator);
        if (input.Namespace is { } ns && !InputReader.IsValidNamespace(ns))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidOption, (LocationInfo?)null, "'Namespace' metadata of the AccountLinkGenSpec item '" + input.Path + "'", ns, InputReader.NamespaceRule);
        }

        if (ReadOpenApi3(input, locator, diagnostics) is not { } read)
        {
            return Build(input, options, null, diagnostics.ToArray());
        }

        SpecOverlays.Apply(read.Document, input, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();
        var references = new ReferenceResolver(read.Document.Components?.Schemas, locator, diagnostics);
        foreach (OpenApiError error in read.Errors)
        {
            if (error.Message.StartsWith(UnresolvedReferencePrefix, StringComparison.Ordinal) && error.Message.IndexOf('\'', UnresolvedReferencePrefix.Length) is int end and >= 0)
            {
                // The reader drops an unresolved schema and gives no pointer: find the $refs in the text instead.
                references.ReportUnresolved(error.Message.Substring(UnresolvedReferencePrefix.Length, end - UnresolvedReferencePrefix.Length));
                continue;
            }

            diagnostics.Report(DiagnosticDescriptors.SpecSyntaxError, error.Pointer, SyntaxError.Reason(error.Message));
        }

        references.ReportCycles();
        var settings = new ReadSettings(options.Compatibility == CompatibilityMode.StripeNet, cancellationToken);
        SpecContent content = ReadOperations(input, read.Document, references, diagnostics, settings);
        SpecModel model = Build(input, options, content, diagnostics.ToArray());
        return options.Compatibility == CompatibilityMode.StripeNet ? StripeNetShape(model) : model;
    }

    /// <summary>
    /// Stripe.net's shape (<c>AccountLinkGenCompatibility=StripeNet</c>): passes over the finished model, in order.
    /// Names come first, so that the namespaces place the final names, and the members see the final types.
    /// </summary>
    private static SpecModel StripeNetShape(SpecModel model)
    {
        model = StripeNetCreateNames.Apply(model);
        model = StripeNetMergedTwins.Apply(model);
        model = StripeNetObjectUnions.Apply(model);
        model = StripeNetOptionsNames.Apply(model);
        model = StripeNetSharedOptions.Apply(model);
        model = StripeNetOwnLists.Apply(model);
        model = StripeNetServiceNames.Apply(model);
        model = StripeNetMethodNames.Apply(model);
        model = StripeNetVerbFirstOptions.Apply(model);
        model = StripeNetFoldedOperations.Apply(model);
        model = StripeNetNamespaces.Apply(model);
        model = StripeNetDeletedForms.Apply(model);
        model = StripeNetSingletonReads.Apply(model);
        model = StripeNetMembers.Apply(model);
        return StripeNetEvents.Apply(model);
    }

    /// <summary>
    /// Reads a spec or an overlay: straight from the YAML parser's events when the text is a well-formed OpenAPI 3.0
    /// document (<see cref="OpenApiEventReader"/>, the same document in about a third of the time), else with the
    /// library's reader, which then also says what is wrong. The library's reader runs without validation rules:
    /// they would walk the whole document again (about a quarter of its read for Stripe's spec) to report style
    /// problems; what stops generation is reported by the walk over the document instead.
    /// </summary>
    internal static OpenApiDocument Read(string text, out OpenApiDiagnostic diagnostic)
    {
        if (OpenApiEventReader.TryRead(text) is { } document)
        {
            diagnostic = new OpenApiDiagnostic { SpecificationVersion = OpenApiSpecVersion.OpenApi3_0 };
            return document;
        }

        var reader = new OpenApiStringReader(new OpenApiReaderSettings { RuleSet = Microsoft.OpenApi.Validations.ValidationRuleSet.GetEmptyRuleSet() });
        return reader.Read(text, out diagnostic);
    }

    /// <summary>
    /// Reads the text as an OpenAPI 3 document; null, with the reason reported, when it is none: a syntax error
    /// (ALG0002), another kind of document or version, or no paths (ALG0001).
    /// </summary>
    private static ReadDocument? ReadOpenApi3(SpecInput input, SpecLocator locator, ParseDiagnostics diagnostics)
    {
        OpenApiDocument document;
        OpenApiDiagnostic diagnostic;
        try
        {
            // Parse has returned already for an input without text.
            document = Read(input.Text!, out diagnostic);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            // Well-formed YAML or JSON that is not an API description (no 'openapi' field), or of a version the
            // reader does not read: not a syntax error.
            ReportNotOpenApi(input.Path, exception.SpecificationVersion, locator, diagnostics);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The reader throws on some malformed documents (a non-number where a number belongs, a mapping
            // where a scalar belongs) instead of reporting them: that is a problem of the spec, not a crash.
            diagnostics.Report(DiagnosticDescriptors.SpecSyntaxError, locator.FileStart(), SyntaxError.Reason(exception.Message));
            return null;
        }

        if (diagnostic.SpecificationVersion == OpenApiSpecVersion.OpenApi3_0 && document.Paths is not null)
        {
            return new ReadDocument(document, diagnostic.Errors);
        }

        if (diagnostic.Errors.Count > 0 && diagnostic.Errors[0].Pointer?.StartsWith(SyntaxErrorPointerPrefix, StringComparison.Ordinal) == true)
        {
            // Not YAML or JSON: the locator's walk stops at the same error, and knows its column too.
            SyntaxError error = locator.SyntaxError ?? new SyntaxError(locator.FileStart(), SyntaxError.Reason(diagnostic.Errors[0].Message));
            diagnostics.Report(DiagnosticDescriptors.SpecSyntaxError, error.Location, error.Message);
            return null;
        }

        string reason = diagnostic.Errors.Count > 0
            ? SyntaxError.Reason(diagnostic.Errors[0].Message)
            : diagnostic.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0 ? "it is a Swagger 2.0 document" : "it has no 'paths'";
        diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, diagnostic.Errors.Count > 0 ? diagnostic.Errors[0].Pointer : "#/swagger", input.Path, reason);
        return null;
    }

    private static SpecContent ReadOperations(SpecInput input, OpenApiDocument document, ReferenceResolver references, ParseDiagnostics diagnostics, ReadSettings settings)
    {
        var invalidEntries = new List<string>();
        OperationFilter filter = OperationFilter.Parse(input.OperationFilter, invalidEntries);
        foreach (string entry in invalidEntries)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidOption, (LocationInfo?)null, "'Operations' metadata of the AccountLinkGenSpec item '" + input.Path + "'", entry, "an entry must be an operationId or a path glob starting with '/'");
        }

        var types = new GeneratedTypes();
        var names = new ClassNames(document.Components?.Schemas);
        var sdk = SdkOperations.Read(document.Components?.Schemas, names);
        var requests = new RequestReader(types, references, diagnostics, settings.StripeNetFormats);
        var responses = new ResponseReader(types, references, diagnostics, names, settings.StripeNetFormats);
        responses.ReserveNames(document.Components?.Schemas);
        var reader = new OperationReader(new OperationNamer(new ResourcePaths(document.Paths, names), sdk), requests, responses, references, diagnostics);
        var operations = new List<OperationModel>();
        var usedFilterEntries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.Paths)
        {
            settings.CancellationToken.ThrowIfCancellationRequested();
            if (ParameterOverrides.IsPlaceholder(path.Key))
            {
                // Not an endpoint: its parameters belong to the operation that names it.
                if (path.Value is not null && path.Value.Operations.Any(o => filter.Matches(o.Value?.OperationId, path.Key, usedFilterEntries)))
                {
                    ParameterOverrides.Check(path.Key, path.Value, document.Paths, sdk, diagnostics);
                }

                continue;
            }

            foreach (var entry in path.Value?.Operations ?? new Dictionary<OperationType, OpenApiOperation>())
            {
                if (entry.Value is not null
                    && filter.Matches(entry.Value.OperationId, path.Key, usedFilterEntries)
                    && reader.Read(path.Key, entry.Key, entry.Value, path.Value!) is { } model)
                {
                    operations.Add(PagingReader.WithPaging(model, types));
                }
            }
        }

        ReplacementResolver.Resolve(types, requests.ReplacementPointers, diagnostics);
        foreach (string entry in filter.Entries.Where(e => !usedFilterEntries.Contains(e)))
        {
            diagnostics.Report(DiagnosticDescriptors.UnmatchedFilterEntry, (LocationInfo?)null, entry, input.Path);
        }

        if (responses.SimplifiedFields is { Count: > 0 } fields)
        {
            diagnostics.Report(
                DiagnosticDescriptors.SimplifiedResponseField,
                "#/components/schemas",
                fields.Count == 1 ? fields[0] : $"{fields.Count} response fields ({fields[0]}, {fields[1]}, …)");
        }

        // With a filter, each entry that matches nothing is an ALG0013 warning instead (a filter may name operations a
        // spec version lacks).
        if (operations.Count == 0 && filter.IsEmpty)
        {
            diagnostics.Report(DiagnosticDescriptors.NoOperations, "#/paths", input.Path);
        }

        return new SpecContent(
            document.Info?.Version,
            operations,
            types,
            EventReader.ReadObjectTable(input.Path, types),
            EventReader.ReadEventTypes(document, types, references, diagnostics));
    }

    private static void ReportNotOpenApi(string path, string? version, SpecLocator locator, ParseDiagnostics diagnostics)
    {
        foreach (string field in new[] { "openapi", "swagger" })
        {
            if (locator.HasTopLevelKey(field))
            {
                diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, "#/" + field, path, "its '" + field + "' field says '" + version + "'");
                return;
            }
        }

        diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, locator.FileStart(), path, "it has no 'openapi' field");
    }

    /// <summary>The exception and where it was thrown, for a bug report.</summary>
    private static string Describe(Exception exception)
    {
        string site = exception.TargetSite is { } method ? " in " + method.DeclaringType?.Name + "." + method.Name : string.Empty;
        string frame = exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("AccountLinkGen"))?.Trim() ?? string.Empty;
        return exception.GetType().Name + site + ": " + exception.Message + (frame.Length > 0 ? " (" + frame + ")" : string.Empty);
    }

    /// <summary>The model of a spec: what was read from it (nothing when it could not be read) and every diagnostic.</summary>
    private static SpecModel Build(SpecInput input, GeneratorOptions options, SpecContent? content, EquatableArray<DiagnosticInfo> diagnostics) =>
        new(
            input.Path,
            options.Namespace,
            options.Accessibility,
            content?.ApiVersion,
            (content?.Operations ?? new List<OperationModel>()).ToEquatableArray(),
            (content?.Types.OptionsClasses ?? new List<OptionsClassModel>()).ToEquatableArray(),
            (content?.Types.Enums ?? new List<EnumModel>()).ToEquatableArray(),
            (content?.Types.Responses ?? new List<ResponseModel>()).ToEquatableArray(),
            diagnostics,
            content?.ObjectTable,
            content?.EventTypes,
            options.Compatibility);

    /// <summary>A document the reader read as OpenAPI 3, and the errors it reported on the way.</summary>
    private sealed record ReadDocument(OpenApiDocument Document, IList<OpenApiError> Errors);

    /// <summary>What the walk of the operations read: the API version, the operations, the types they use, and what typed events need.</summary>
    /// <param name="StripeNetFormats">
    /// Whether the readers note what only Stripe.net's shape uses (<see cref="TypeRef.IsDecimal"/>,
    /// <see cref="TypeRef.OrTime"/>, <see cref="TypeRef.OrBool"/>, response values the spec does not declare
    /// nullable): without the mode they do not, so that two parameters that differ only there
    /// still share a class, as they did before the mode existed.
    /// </param>
    private readonly record struct ReadSettings(bool StripeNetFormats, CancellationToken CancellationToken);

    private sealed record SpecContent(string? ApiVersion, List<OperationModel> Operations, GeneratedTypes Types, ObjectTableModel? ObjectTable, EventTypesModel? EventTypes);
}
