using System;
using System.Net.Http;
using System.Text;

namespace AccountLinkGen;

// Requests: what is checked and built once per logical request, and the settings checked at construction.
public sealed partial class StripeClient
{
    private StripeRequest Prepare(HttpMethod method, Uri baseAddress, string path, IFormEncodable? form, StripeFilePart? file, string? defaultApiVersion, RequestOptions? requestOptions)
    {
        string? apiVersion = requestOptions?.ApiVersion ?? _apiVersion ?? defaultApiVersion;
        string? stripeAccount = requestOptions?.StripeAccount;
        string? idempotencyKey = requestOptions?.IdempotencyKey;
        EnsureSafeHeader(apiVersion, "Stripe-Version", requestOptions?.ApiVersion is not null ? nameof(requestOptions) : nameof(defaultApiVersion));
        EnsureSafeHeader(stripeAccount, "Stripe-Account", nameof(requestOptions));
        EnsureSafeHeader(idempotencyKey, "Idempotency-Key", nameof(requestOptions));

        bool isPost = method == HttpMethod.Post;
        if (isPost && idempotencyKey is null)
        {
            // One key per logical request: if an attempt reached Stripe but its answer was lost, the retry gets
            // the original result instead of creating a second object.
            idempotencyKey = Guid.NewGuid().ToString("D");
        }

        // A POST always sends a body, if only an empty one.
        byte[]? body = isPost ? Array.Empty<byte>() : null;
        string query = string.Empty;
        if (form is not null && file is null)
        {
            var writer = FormWriter.Create();
            form.WriteForm(ref writer);
            if (isPost)
            {
                // The form is ASCII, so its chars are its UTF-8 bytes.
                body = new byte[writer.WrittenSpan.Length];
                Encoding.ASCII.GetBytes(writer.WrittenSpan, body);
                writer.Dispose();
            }
            else
            {
                query = writer.ToStringAndDispose();
            }
        }

        Uri uri = BuildUri(baseAddress, path, query);
        bool canRetry = (idempotencyKey is not null || IsIdempotent(method)) && (file is null || file.CanResend); // A file that cannot seek back gets one attempt.
        return new StripeRequest(method, uri, file is null ? body : null, _authorization, apiVersion, stripeAccount, idempotencyKey, canRetry, file?.WithForm(form));
    }

    // RFC 9110's idempotent methods: repeating one cannot act twice. Any other method without an idempotency key
    // (a PATCH, say) is sent once, because an attempt that timed out or failed may already have taken effect.
    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get
        || method == HttpMethod.Head
        || method == HttpMethod.Put
        || method == HttpMethod.Delete
        || method == HttpMethod.Options
        || method == HttpMethod.Trace;

    private static Uri BuildUri(Uri baseAddress, string path, string query)
    {
        // An absolute or scheme-relative path would send the API key to another host.
        if (path.Length == 0 || path.IndexOf("://", StringComparison.Ordinal) >= 0 || path.StartsWith("//", StringComparison.Ordinal) || path[0] == '\\')
        {
            throw new ArgumentException("The path must be relative to the base address, such as /v1/account_links.", nameof(path));
        }

        // Escaped on its way out, a path may hold any other character.
        if (path.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException("The request line must not contain CR, LF or NUL characters.", nameof(path));
        }

        string root = baseAddress.AbsoluteUri;
        string text = root[root.Length - 1] == '/' ? root + path.TrimStart('/') : root + "/" + path.TrimStart('/');
        if (query.Length > 0)
        {
            text += (path.IndexOf('?') >= 0 ? "&" : "?") + query;
        }

        return new Uri(text, UriKind.Absolute);
    }

    private static Uri ValidateBaseAddress(Uri? baseAddress, string name)
    {
        if (baseAddress is null || !baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException(name + " must be an absolute URI.", name);
        }

        bool https = baseAddress.Scheme == Uri.UriSchemeHttps;
        bool loopbackHttp = baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback;
        if (!https && !loopbackHttp)
        {
            throw new ArgumentException(name + " must use https (plain http is allowed only for a loopback host), so the API key is never sent unencrypted.", name);
        }

        if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment) || !string.IsNullOrEmpty(baseAddress.UserInfo))
        {
            throw new ArgumentException(name + " must not contain a query, fragment or user info.", name);
        }

        return baseAddress;
    }

    // Against response splitting and request smuggling (CR, LF, NUL), and against characters the HTTP stack cannot
    // send (anything outside printable ASCII), which would otherwise fail every attempt on the network and look like
    // an outage instead of a configuration error. The value itself is never echoed: it may be a secret.
    private static void EnsureSafeHeader(string? value, string header, string paramName)
    {
        if (value is null)
        {
            return;
        }

        foreach (char c in value)
        {
            if (c < ' ' || c > '~')
            {
                throw new ArgumentException(
                    $"The {header} header value must hold only printable ASCII characters: no CR, LF, NUL, other control or non-ASCII characters (check it for a pasted one).",
                    paramName);
            }
        }
    }
}
