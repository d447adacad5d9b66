using System.ComponentModel;
using System.Net.Http;

namespace AccountLinkGen;

/// <summary>
/// What a request sends: nothing, a form (the body of a POST, the query string of any other method), or a multipart
/// upload of a file with the form's parameters beside it. One of the parts of a <see cref="StripeRequest{T}"/>. It
/// exists for generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class StripeBody
{
    // Only the kinds below: the pipeline knows how to send each, and a new kind is a new class here.
    private protected StripeBody()
    {
    }

    /// <summary>No parameters. A POST still sends an empty form, as Stripe expects.</summary>
    public static StripeBody None { get; } = new FormBody(null);

    /// <summary>The parameters of <paramref name="form"/>, encoded once and sent the same on every attempt.</summary>
    /// <param name="form">The parameters; a null form (options the caller left out) sends none.</param>
    public static StripeBody Form(IFormEncodable? form) => form is null ? None : new FormBody(form);

    /// <summary>A <c>multipart/form-data</c> upload: the form's parameters as text parts, then the file.</summary>
    /// <param name="form">The other parameters, sent as parts under their bracketed names; null sends none.</param>
    /// <param name="file">The file part.</param>
    public static StripeBody Multipart(IFormEncodable? form, StripeFilePart file)
    {
        Throw.IfNull(file, nameof(file));
        return new MultipartBody(form, file);
    }

    /// <summary>Encodes the body once for one logical request of <paramref name="method"/>.</summary>
    internal abstract RequestContent Encode(HttpMethod method);
}
