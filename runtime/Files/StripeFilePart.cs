using System;
using System.ComponentModel;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace AccountLinkGen;

/// <summary>
/// The file of a multipart upload (<c>POST /v1/files</c>): the caller's stream, sent as it is read, with the name and
/// content type of its part. It exists for generated code and is not a supported API.
/// </summary>
/// <remarks>
/// A stream that can seek is sent from its position when the call starts, and put back there before each retry, so
/// every attempt sends the same bytes. A stream that cannot seek can be read only once: its upload is never retried.
/// The stream is never disposed here; it stays the caller's.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StripeFilePart
{
    private const string DefaultFileName = "blob";
    private const string DefaultContentType = "application/octet-stream";

    private readonly Stream _content;
    private readonly long _start;
    private readonly string _name;
    private readonly string _fileName;
    private readonly MediaTypeHeaderValue _contentType;
    private (string Key, string Value)[] _fields = Array.Empty<(string, string)>();
    private bool _sent;

    /// <summary>Describes the file part.</summary>
    /// <param name="name">The part's form name, such as <c>file</c>.</param>
    /// <param name="content">The file's bytes, read from the current position to the end.</param>
    /// <param name="fileName">
    /// The file name Stripe records; when null, a <see cref="FileStream"/>'s own file name, else <c>blob</c>.
    /// </param>
    /// <param name="contentType">The part's media type, such as <c>application/pdf</c>; <c>application/octet-stream</c> when null.</param>
    /// <exception cref="ArgumentException">The stream cannot be read, or the content type is not a media type.</exception>
    public StripeFilePart(string name, Stream content, string? fileName, string? contentType)
    {
        Throw.IfNull(name, nameof(name));
        Throw.IfNull(content, nameof(content));
        if (!content.CanRead)
        {
            throw new ArgumentException("The file stream must be readable.", nameof(content));
        }

        try
        {
            _contentType = MediaTypeHeaderValue.Parse(contentType ?? DefaultContentType);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"The file's content type '{contentType}' is not a media type such as application/pdf.", nameof(contentType), ex);
        }

        _name = name;
        _content = content;
        _start = content.CanSeek ? content.Position : -1;
        _fileName = fileName ?? (content is FileStream file ? Path.GetFileName(file.Name) : DefaultFileName);
    }

    /// <summary>Whether the bytes can be sent again: the stream can seek back to where the first attempt started.</summary>
    internal bool CanResend => _start >= 0;

    /// <summary>
    /// Takes the upload's other parameters, named and valued once as any form is (the form writer's names, decoded
    /// back to text), for every attempt's parts.
    /// </summary>
    internal StripeFilePart WithForm(IFormEncodable? form)
    {
        var writer = FormWriter.Create();
        form?.WriteForm(ref writer);
        string encoded = writer.ToStringAndDispose();
        _fields = Array.ConvertAll(encoded.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries), static pair =>
        {
            int equals = pair.IndexOf('=');
            return equals < 0
                ? (WebUtility.UrlDecode(pair), string.Empty)
                : (WebUtility.UrlDecode(pair.Substring(0, equals)), WebUtility.UrlDecode(pair.Substring(equals + 1)));
        });
        return this;
    }

    /// <summary>
    /// The body of one attempt: the form's parameters as UTF-8 text parts under their bracketed names, then the file.
    /// From the second attempt on, the stream is first put back at its start.
    /// </summary>
    internal HttpContent CreateContent()
    {
        if (_sent)
        {
            _content.Position = _start;
        }

        _sent = true;
        var multipart = new MultipartFormDataContent();
#if NET
        // Metadata keys may hold any character; the part headers carry them as UTF-8, as browsers do. The netstandard2.0
        // build cannot choose: there the platform writes part headers as Latin-1, and a key beyond it arrives mangled.
        multipart.HeaderEncodingSelector = static (_, _) => Encoding.UTF8;
#endif
        foreach (var (key, value) in _fields)
        {
            var field = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
            field.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"" + Quote(key) + "\"");
            multipart.Add(field);
        }

        var file = new FilePartContent(_content, _start, _name);
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"" + Quote(_name) + "\"; filename=\"" + Quote(_fileName) + "\"");
        file.Headers.ContentType = _contentType;
        multipart.Add(file);
        return multipart;
    }

    // As HTML forms escape a name or file name in a part's header: a quote or line break could end the value, or
    // the header, early.
    private static string Quote(string value) =>
        value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");
}
