using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

// Uploads: a multipart body is an options class like a form body, whose one file (format: binary) at the top level
// is a Stream member; the service sends the other parameters as parts beside it, under the same bracketed names.
internal sealed partial class RequestReader
{
    // While a multipart body is read: the wire name of its file, the one place a binary string may be.
    private string? _fileParameter;

    /// <summary>Reads a multipart body into its options class and its file; null when it is skipped, for a reason reported.</summary>
    public (OptionsBuild Options, PropertyModel File)? ReadMultipart(string name, RequestScope scope, OpenApiSchema body, string pointer, string? description)
    {
        if (_references.Resolve(body, pointer, name, "the operation") is not { } schema)
        {
            return null;
        }

        var files = schema.Properties.Where(p => StripeConventions.IsBinary(p.Value is null ? null : _references.Follow(p.Value))).Select(p => p.Key).ToList();
        if (schema.Type is not null and not "object" || files.Count != 1 || !schema.Required.Contains(files[0]))
        {
            string shape = schema.Type is not null and not "object" ? "a multipart body of type '" + schema.Type + "'"
                : files.Count == 1 ? "a multipart body whose file '" + files[0] + "' is optional; only an upload of one required file is sent"
                : "a multipart body with " + (files.Count == 0 ? "no file" : Naming.Invariant(files.Count) + " files") + " (format: binary) at its top level; only an upload of one file is sent";
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, name, shape, "the operation");
            return null;
        }

        _fileParameter = files[0];
        OptionsBuild? built;
        try
        {
            built = ReadForm(name, scope, schema, pointer, description);
        }
        finally
        {
            _fileParameter = null;
        }

        PropertyModel? file = built is null ? null : _types.OptionsClasses.First(o => o.Name == built.Name).Properties.FirstOrDefault(p => p.Type.Kind == TypeKind.Binary);
        return built is null || file is null ? null : (built, file);
    }

    /// <summary>A binary string: the upload's file, or (anywhere else) a shape no request can send.</summary>
    private TypeRef? ReadFile(RequestSite site)
    {
        if (site.Path.Length == 1 && site.Path[0] == _fileParameter)
        {
            return new TypeRef(TypeKind.Binary);
        }

        _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, site.Pointer, site.Owner, "a file (format: binary) outside the top level of a multipart body", "the parameter");
        return null;
    }
}
