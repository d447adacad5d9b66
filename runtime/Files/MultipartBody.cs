using System.Net.Http;

namespace AccountLinkGen;

/// <summary>
/// An upload: the form's parameters and the file, rebuilt as <c>multipart/form-data</c> for every attempt. The form
/// is decoded into its parts once; the file is put back at its start before each retry, and a file that cannot seek
/// back is sent once.
/// </summary>
internal sealed class MultipartBody(IFormEncodable? form, StripeFilePart file) : StripeBody
{
    internal override RequestContent Encode(HttpMethod method) => new MultipartContent(file.WithForm(form));

    private sealed class MultipartContent(StripeFilePart file) : RequestContent
    {
        public override bool CanResend => file.CanResend;

        public override HttpContent CreateContent() => file.CreateContent();
    }
}
