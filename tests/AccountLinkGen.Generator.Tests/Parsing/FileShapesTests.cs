using System;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

/// <summary>
/// The upload and the download as the generator reads them (the spec the runtime's files tests generate from), and
/// every multipart or binary shape it still cannot send or read: each an ALG0004 naming its place, never dropped.
/// </summary>
public sealed class FileShapesTests
{
    private static readonly string Spec = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Runtime.Tests", "Specs", "files.yaml")).Replace("\r", string.Empty);

    [Fact]
    public void TheUpload_AndThePdf_AreStripeNetsMethods_OnTheFilesHost()
    {
        SpecModel model = ModelBuilder.Parse(Spec);

        Assert.DoesNotContain(model.Diagnostics, d => d.Id == "ALG0004");
        OperationModel upload = model.Operations.Single(o => o.OperationId == "PostFiles");
        Assert.Equal(("FileService", "CreateAsync", "FileCreateOptions"), (upload.ServiceName, upload.MethodName, upload.OptionsClass));
        Assert.Equal(new UploadModel("file", "File", "FileName", "FileContentType"), upload.Body.File);
        Assert.True(upload.Server == OperationServer.Files);
        Assert.False(upload.Success == SuccessKind.Stream);

        OperationModel pdf = model.Operations.Single(o => o.OperationId == "GetQuotesQuotePdf");
        Assert.Equal(("QuoteService", "PdfAsync", TypeKind.Binary), (pdf.ServiceName, pdf.MethodName, pdf.Response.Kind));
        Assert.True(pdf.Success == SuccessKind.Stream);
        Assert.True(pdf.Server == OperationServer.Files);
        Assert.Null(pdf.Body.File);

        PropertyModel file = model.OptionsClasses.Single(o => o.Name == "FileCreateOptions").Properties.Single(p => p.WireName == "file");
        Assert.Equal((TypeKind.Binary, true), (file.Type.Kind, file.RequiredMember));
        Assert.Equal(new TypeRef(TypeKind.OpenEnum, "FilePurpose"), model.OptionsClasses.Single(o => o.Name == "FileCreateOptions").Properties.Single(p => p.WireName == "purpose").Type);
    }

    [Theory]
    [InlineData("two files", "                file:\n                  description: A file to upload.\n", "                back:\n                  format: binary\n                  type: string\n                file:\n                  description: A file to upload.\n", "a multipart body with 2 files (format: binary) at its top level")]
    [InlineData("an optional file", "              required:\n                - file\n                - purpose", "              required:\n                - purpose", "a multipart body whose file 'file' is optional")]
    [InlineData("another host", "url: 'https://files.stripe.com/'", "url: 'https://connect.stripe.com/'", "a server at 'connect.stripe.com'")]
    public void AnUploadItCannotSend_IsAnAlg0004_AndTheOperationIsSkipped(string shape, string from, string to, string message)
    {
        SpecModel model = ModelBuilder.Parse(Replace(Spec, from, to));

        DiagnosticInfo skip = Assert.Single(model.Diagnostics, d => d.Id == "ALG0004");
        string text = string.Join(" ", skip.Arguments);
        Assert.True(text.Contains(message, StringComparison.Ordinal), $"{shape}: {text}");
        Assert.NotNull(skip.Location);
        Assert.DoesNotContain(model.Operations, o => o.OperationId == "PostFiles");
        Assert.Contains(model.Operations, o => o.OperationId == "GetQuotesQuotePdf");
    }

    [Fact]
    public void AFileBelowTheTopLevel_IsAnAlg0004_ForThatParameter_AndTheUploadStays()
    {
        string text = Replace(Spec, "                  properties:\n                    create:\n", "                  properties:\n                    attachment:\n                      format: binary\n                      type: string\n                    create:\n");

        SpecModel model = ModelBuilder.Parse(text);

        DiagnosticInfo skip = Assert.Single(model.Diagnostics, d => d.Id == "ALG0004");
        Assert.Equal("file_link_data.attachment", skip.Arguments[0]);
        Assert.Contains("a file (format: binary) outside the top level of a multipart body", skip.Arguments[1], StringComparison.Ordinal);
        Assert.Contains(model.Operations, o => o.OperationId == "PostFiles");
    }

    [Fact]
    public void ASuccessBodyThatIsNeitherJsonNorAFile_IsAnAlg0004_AndTheOperationIsSkipped()
    {
        string text = Replace(Spec, "            application/pdf:\n              schema:\n                format: binary\n                type: string", "            application/pdf:\n              schema:\n                type: object");

        SpecModel model = ModelBuilder.Parse(text);

        DiagnosticInfo skip = Assert.Single(model.Diagnostics, d => d.Id == "ALG0004");
        Assert.Contains("nor one that is only a file", string.Join(" ", skip.Arguments), StringComparison.Ordinal);
        Assert.DoesNotContain(model.Operations, o => o.OperationId == "GetQuotesQuotePdf");
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }
}
