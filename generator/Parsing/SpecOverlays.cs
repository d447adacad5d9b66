using System;
using System.Collections.Immutable;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Readers.Exceptions;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Spec overlays: an <c>AccountLinkGenOverlay</c> item is a small, whole OpenAPI 3 document whose paths and schemas
/// are added to the spec its <c>Spec</c> metadata names (by file name, or by the end of its path), before anything
/// is read from it. It is how a project adds an endpoint its account has and the published spec does not yet (a
/// preview), without editing Stripe's file. An overlay only adds: a path or schema the spec has already is not
/// replaced, and is reported (ALG0018), as is an overlay that cannot be read or names no spec.
/// </summary>
internal static class SpecOverlays
{
    private const string NotOpenApi3 = "it is not an OpenAPI 3.0 document with 'paths'";

    /// <summary>The spec with the overlays that name it, in the order the project lists them.</summary>
    public static SpecInput Attach(SpecInput spec, ImmutableArray<SpecInput> overlays) =>
        spec with { Overlays = overlays.Where(o => Names(o.OverlayOf!, spec.Path)).ToEquatableArray() };

    /// <summary>ALG0018 for each overlay that names none of the specs, or none at all.</summary>
    public static EquatableArray<DiagnosticInfo> Unmatched(ImmutableArray<SpecInput> overlays, ImmutableArray<string> specPaths) =>
        overlays
            .Where(o => !specPaths.Any(p => Names(o.OverlayOf!, p)))
            .Select(o => o.OverlayOf!.Length == 0
                ? Report(o, string.Empty, "the item has no Spec metadata naming the spec it adds to")
                : Report(o, o.OverlayOf!, "the project has no AccountLinkGenSpec of that name"))
            .ToEquatableArray();

    /// <summary>Adds each overlay's paths and schemas to the document; what cannot be added is reported and left out.</summary>
    public static void Apply(OpenApiDocument document, SpecInput spec, ParseDiagnostics problems)
    {
        foreach (SpecInput overlay in spec.Overlays)
        {
            if (Read(overlay, spec.Path, problems) is not { } added)
            {
                continue;
            }

            foreach (var path in added.Paths)
            {
                if (document.Paths.ContainsKey(path.Key))
                {
                    Report(problems, overlay, spec.Path, $"the spec has the path '{path.Key}' already, which an overlay does not replace");
                    continue;
                }

                document.Paths.Add(path.Key, path.Value);
            }

            if (added.Components?.Schemas is not { Count: > 0 } schemas)
            {
                continue;
            }

            document.Components ??= new OpenApiComponents();
            foreach (var schema in schemas)
            {
                if (document.Components.Schemas.ContainsKey(schema.Key))
                {
                    Report(problems, overlay, spec.Path, $"the spec has the schema '{schema.Key}' already, which an overlay does not replace");
                    continue;
                }

                document.Components.Schemas.Add(schema.Key, schema.Value);
            }
        }
    }

    private static OpenApiDocument? Read(SpecInput overlay, string specPath, ParseDiagnostics problems)
    {
        if (overlay.Text is null)
        {
            Report(problems, overlay, specPath, "the file cannot be read");
            return null;
        }

        try
        {
            OpenApiDocument document = SpecParser.Read(overlay.Text, out OpenApiDiagnostic diagnostic);
            if (diagnostic.SpecificationVersion != Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0 || document.Paths is null)
            {
                Report(problems, overlay, specPath, NotOpenApi3);
                return null;
            }

            if (diagnostic.Errors.Count > 0)
            {
                string reason = SyntaxError.Reason(diagnostic.Errors[0].Message);
                string refs = diagnostic.Errors[0].Message.IndexOf("reference", StringComparison.OrdinalIgnoreCase) >= 0 ? "; an overlay's $refs must resolve within it" : string.Empty;
                Report(problems, overlay, specPath, $"{reason} (at {diagnostic.Errors[0].Pointer}){refs}");
                return null;
            }

            return document;
        }
        catch (OpenApiUnsupportedSpecVersionException)
        {
            Report(problems, overlay, specPath, NotOpenApi3);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Report(problems, overlay, specPath, SyntaxError.Reason(exception.Message));
            return null;
        }
    }

    /// <summary>Whether an overlay's <c>Spec</c> metadata names the spec: its file name, or the end of its path.</summary>
    private static bool Names(string name, string specPath)
    {
        if (name.Length == 0)
        {
            return false;
        }

        string wanted = name.Replace('\\', '/').TrimStart('/');
        string path = specPath.Replace('\\', '/');
        return path.Equals(wanted, StringComparison.OrdinalIgnoreCase) || path.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase);
    }

    private static DiagnosticInfo Report(SpecInput overlay, string spec, string reason) =>
        new(DiagnosticDescriptors.OverlayNotApplied, null, new[] { overlay.Path, System.IO.Path.GetFileName(spec), reason }.ToEquatableArray());

    private static void Report(ParseDiagnostics problems, SpecInput overlay, string spec, string reason) =>
        problems.Report(DiagnosticDescriptors.OverlayNotApplied, (LocationInfo?)null, overlay.Path, System.IO.Path.GetFileName(spec), reason);
}
