using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace AccountLinkGen;

/// <summary>A form: the body of a POST (an empty one when there are no parameters), the query string otherwise.</summary>
internal sealed class FormBody(IFormEncodable? form) : StripeBody
{
    internal override RequestContent Encode(HttpMethod method)
    {
        bool post = method == HttpMethod.Post;
        if (form is null)
        {
            return post ? new FormContent(Array.Empty<byte>()) : NoContent.Instance;
        }

        var writer = FormWriter.Create();
        form.WriteForm(ref writer);
        if (!post)
        {
            return new QueryContent(writer.ToStringAndDispose());
        }

        // The form is ASCII, so its chars are its UTF-8 bytes.
        byte[] body = new byte[writer.WrittenSpan.Length];
        Encoding.ASCII.GetBytes(writer.WrittenSpan, body);
        writer.Dispose();
        return new FormContent(body);
    }

    private sealed class FormContent(byte[] body) : RequestContent
    {
        public override HttpContent CreateContent()
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
            return content;
        }
    }

    private sealed class QueryContent(string query) : RequestContent
    {
        public override string Query => query;

        public override HttpContent? CreateContent() => null;
    }

    private sealed class NoContent : RequestContent
    {
        public static readonly NoContent Instance = new();

        public override HttpContent? CreateContent() => null;
    }
}
