using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
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
    private static readonly Regex OpenApiMarker = new(
        @"(^|[{,\s])[""']?(openapi|swagger)[""']?\s*:",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>
    /// Whether a file looks like an OpenAPI or Swagger document. Files that are only candidates (any
    /// <c>.yaml</c>, <c>.yml</c> or <c>.json</c> AdditionalFile) and do not look like one are ignored silently.
    /// </summary>
    public static bool LooksLikeSpec(string text) => OpenApiMarker.IsMatch(text);

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

            return Empty(input, options, new DiagnosticInfo(DiagnosticDescriptors.SpecFileNotFound, null, EquatableArray.ToEquatableArray(new[] { input.Path })));
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
            return Empty(input, options, new DiagnosticInfo(
                DiagnosticDescriptors.GenerationFailed,
                locator.FileStart(),
                new[] { input.Path, Describe(exception) }.ToEquatableArray()));
        }
    }

    private static SpecModel ParseDocument(SpecInput input, GeneratorOptions options, SpecLocator locator, CancellationToken cancellationToken)
    {
        var context = new ParseContext(locator);
        if (input.Namespace is { } ns && !InputReader.IsValidNamespace(ns))
        {
            context.Report(DiagnosticDescriptors.InvalidOption, (LocationInfo?)null, "'Namespace' metadata of the AccountLinkGenSpec item '" + input.Path + "'", ns, InputReader.NamespaceRule);
        }

        // The reader's validation rules would walk the whole document again (about a quarter of the read for
        // Stripe's spec) to report style problems; what stops generation is reported by the walk below instead.
        var reader = new OpenApiStringReader(new OpenApiReaderSettings { RuleSet = Microsoft.OpenApi.Validations.ValidationRuleSet.GetEmptyRuleSet() });
        OpenApiDocument document;
        OpenApiDiagnostic diagnostic;
        try
        {
            document = reader.Read(input.Text, out diagnostic);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            // Well-formed YAML or JSON that is not an API description (no 'openapi' field), or of a version the
            // reader does not read: not a syntax error.
            ReportNotOpenApi(input.Path, exception.SpecificationVersion, locator, context);
            return Build(input, options, null, new List<OperationModel>(), context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The reader throws on some malformed documents (a non-number where a number belongs, a mapping
            // where a scalar belongs) instead of reporting them: that is a problem of the spec, not a crash.
            context.Report(DiagnosticDescriptors.SpecSyntaxError, locator.FromMessage(exception.Message) ?? locator.FileStart(), SpecLocator.WithoutPosition(exception.Message));
            return Build(input, options, null, new List<OperationModel>(), context);
        }

        cancellationToken.ThrowIfCancellationRequested();

        if (diagnostic.SpecificationVersion != OpenApiSpecVersion.OpenApi3_0 || document.Paths is null)
        {
            string reason = diagnostic.Errors.Count > 0
                ? SpecLocator.WithoutPosition(diagnostic.Errors[0].Message)
                : diagnostic.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0 ? "it is a Swagger 2.0 document" : "it has no 'paths'";
            LocationInfo location = diagnostic.Errors.Count > 0
                ? locator.FromMessage(diagnostic.Errors[0].Message) ?? locator.Locate(diagnostic.Errors[0].Pointer)
                : locator.Locate("#/swagger");
            bool syntax = diagnostic.Errors.Count > 0 && locator.FromMessage(diagnostic.Errors[0].Message) is not null;
            context.Report(syntax ? DiagnosticDescriptors.SpecSyntaxError : DiagnosticDescriptors.NotOpenApi3, location, syntax ? new[] { reason } : new[] { input.Path, reason });
            return Build(input, options, null, new List<OperationModel>(), context);
        }

        foreach (OpenApiError error in diagnostic.Errors)
        {
            if (UnresolvedReferenceId.Match(error.Message) is { Success: true } unresolved)
            {
                // The reader drops an unresolved schema and gives no pointer: find the $refs in the text instead.
                ReportUnresolvedReference(input.Text!, unresolved.Groups[1].Value, locator, context);
                continue;
            }

            context.Report(DiagnosticDescriptors.SpecSyntaxError, locator.FromMessage(error.Message) ?? locator.Locate(error.Pointer), SpecLocator.WithoutPosition(error.Message));
        }

        ReportReferenceCycles(input.Text!, document, locator, context);

        var invalidEntries = new List<string>();
        OperationFilter filter = OperationFilter.Parse(input.OperationFilter, invalidEntries);
        foreach (string entry in invalidEntries)
        {
            context.Report(DiagnosticDescriptors.InvalidOption, (LocationInfo?)null, "'Operations' metadata of the AccountLinkGenSpec item '" + input.Path + "'", entry, "an entry must be an operationId or a path glob starting with '/'");
        }

        context.Components = document.Components?.Schemas;
        var requests = new RequestReader(context);
        var responses = new ResponseReader(context);
        responses.ReserveNames(document.Components?.Schemas);
        var operations = new List<OperationModel>();
        var usedFilterEntries = new HashSet<string>(StringComparer.Ordinal);
        var methodNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var collections = OperationReader.CollectionPaths(document);

        foreach (var path in document.Paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var entry in path.Value?.Operations ?? new Dictionary<OperationType, OpenApiOperation>())
            {
                if (entry.Value is null)
                {
                    continue;
                }

                string method = entry.Key.ToString().ToUpperInvariant();
                OpenApiOperation operation = entry.Value;
                if (!filter.Matches(operation.OperationId, path.Key, usedFilterEntries))
                {
                    continue;
                }

                string pointer = "#/paths/" + Escape(path.Key) + "/" + entry.Key.ToString().ToLowerInvariant();
                OperationModel? model = OperationReader.Read(path.Key, method, operation, path.Value!, pointer, collections, methodNames, requests, responses, context);
                if (model is null)
                {
                    continue;
                }

                string key = model.ServiceName + "." + model.MethodName;
                if (methodNames.TryGetValue(key, out string? first))
                {
                    context.Report(DiagnosticDescriptors.DuplicateName, pointer, key, first, model.OperationId);
                    continue;
                }

                methodNames.Add(key, model.OperationId);
                operations.Add(model);
            }
        }

        ReplacementResolver.Resolve(context);

        foreach (string entry in filter.Entries)
        {
            if (!usedFilterEntries.Contains(entry))
            {
                context.Report(DiagnosticDescriptors.UnmatchedFilterEntry, (LocationInfo?)null, entry, input.Path);
            }
        }

        if (context.SimplifiedResponseFields.Count > 0)
        {
            var fields = context.SimplifiedResponseFields;
            context.Report(
                DiagnosticDescriptors.SimplifiedResponseField,
                "#/components/schemas",
                fields.Count == 1 ? fields[0] : $"{fields.Count} response fields ({fields[0]}, {fields[1]}, …)");
        }

        if (operations.Count == 0 && filter.IsEmpty)
        {
            context.Report(DiagnosticDescriptors.NoOperations, "#/paths", input.Path);
        }

        return Build(input, options, document.Info?.Version, operations, context);
    }

    private static void ReportNotOpenApi(string path, string? version, SpecLocator locator, ParseContext context)
    {
        foreach (string field in new[] { "openapi", "swagger" })
        {
            if (locator.Defines("#/" + field))
            {
                context.Report(DiagnosticDescriptors.NotOpenApi3, locator.Locate("#/" + field), path, "its '" + field + "' field says '" + version + "'");
                return;
            }
        }

        context.Report(DiagnosticDescriptors.NotOpenApi3, locator.FileStart(), path, "it has no 'openapi' field");
    }

    private static readonly Regex UnresolvedReferenceId = new(@"^Invalid Reference identifier '([^']*)'", RegexOptions.CultureInvariant);

    private static void ReportUnresolvedReference(string text, string id, SpecLocator locator, ParseContext context)
    {
        bool found = false;
        foreach (Match match in ReferencesTo(text, @"#/[^""'\s]*/" + Regex.Escape(id)))
        {
            found = true;
            context.ReportUnresolved(match.Groups[1].Value, locator.AtOffset(match.Index, match.Length));
        }

        if (!found)
        {
            context.ReportUnresolved("#/components/schemas/" + id, locator.FileStart());
        }
    }

    /// <summary>
    /// Reports, at each <c>$ref</c> to it, every component schema whose chain of <c>$ref</c>s never reaches a
    /// schema because it loops (<c>a: {$ref: b}</c>, <c>b: {$ref: a}</c>). The reader reports no error for those and
    /// leaves them unresolved, which the walk would take for a schema that is not defined.
    /// </summary>
    private static void ReportReferenceCycles(string text, OpenApiDocument document, SpecLocator locator, ParseContext context)
    {
        // A loop leaves component schemas unresolved after the read; a well-formed spec has none and pays nothing more.
        if (document.Components?.Schemas is not { } resolved || !resolved.Values.Any(s => s is { UnresolvedReference: true, Reference.IsExternal: false }))
        {
            return;
        }

        // Resolving replaced each component by what its $ref pointed at: read the $refs again as written.
        var settings = new OpenApiReaderSettings
        {
            RuleSet = Microsoft.OpenApi.Validations.ValidationRuleSet.GetEmptyRuleSet(),
            ReferenceResolution = ReferenceResolutionSetting.DoNotResolveReferences,
        };
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new OpenApiStringReader(settings).Read(text, out _).Components?.Schemas ?? new Dictionary<string, OpenApiSchema>())
        {
            if (entry.Value is { UnresolvedReference: true, Reference: { IsExternal: false, Type: ReferenceType.Schema, Id: { } id } })
            {
                next[entry.Key] = id;
            }
        }

        foreach (string name in next.Keys.Where(name => Loops(name, next)).OrderBy(name => name, StringComparer.Ordinal))
        {
            string target = "#/components/schemas/" + name;
            bool found = false;
            foreach (Match match in ReferencesTo(text, Regex.Escape(target)))
            {
                found = true;
                context.ReportCycle(target, locator.AtOffset(match.Index, match.Length));
            }

            if (!found)
            {
                context.ReportCycle(target, locator.Locate(target));
            }
        }
    }

    /// <summary>Whether following the $refs from <paramref name="name"/> comes back to a schema already passed.</summary>
    private static bool Loops(string name, Dictionary<string, string> next)
    {
        var passed = new HashSet<string>(StringComparer.Ordinal);
        string current = name;
        while (next.TryGetValue(current, out string? target))
        {
            if (!passed.Add(current))
            {
                return true;
            }

            current = target;
        }

        return false;
    }

    /// <summary>The <c>$ref</c>s whose whole target matches the pattern <paramref name="target"/> (group 1).</summary>
    private static MatchCollection ReferencesTo(string text, string target) =>
        new Regex(@"\$ref[""']?\s*:\s*[""']?(" + target + @")(?![^""'\s,}\]])[""']?", RegexOptions.CultureInvariant).Matches(text);

    /// <summary>The exception and where it was thrown, for a bug report.</summary>
    private static string Describe(Exception exception)
    {
        string site = exception.TargetSite is { } method ? " in " + method.DeclaringType?.Name + "." + method.Name : string.Empty;
        string frame = exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("AccountLinkGen"))?.Trim() ?? string.Empty;
        return exception.GetType().Name + site + ": " + exception.Message + (frame.Length > 0 ? " (" + frame + ")" : string.Empty);
    }

    internal static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static SpecModel Build(SpecInput input, GeneratorOptions options, string? apiVersion, List<OperationModel> operations, ParseContext context) =>
        new(
            input.Path,
            options.Namespace,
            options.Accessibility,
            apiVersion,
            operations.ToEquatableArray(),
            context.OptionsClasses.ToEquatableArray(),
            context.Enums.ToEquatableArray(),
            context.Responses.ToEquatableArray(),
            context.Diagnostics.ToEquatableArray());

    private static SpecModel Empty(SpecInput input, GeneratorOptions options, DiagnosticInfo diagnostic) =>
        new(
            input.Path,
            options.Namespace,
            options.Accessibility,
            null,
            EquatableArray<OperationModel>.Empty,
            EquatableArray<OptionsClassModel>.Empty,
            EquatableArray<EnumModel>.Empty,
            EquatableArray<ResponseModel>.Empty,
            EquatableArray.ToEquatableArray(new[] { diagnostic }));
}
