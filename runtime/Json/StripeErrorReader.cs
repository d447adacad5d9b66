using System.Text.Json;

namespace AccountLinkGen;

/// <summary>Reads <c>{"error": {…}}</c> by field name: no reflection, unknown members ignored.</summary>
internal static class StripeErrorReader
{
    /// <summary>
    /// Returns the error object with every text redacted, or null when the body is not JSON or has no <c>error</c>
    /// object.
    /// </summary>
    public static StripeError? TryRead(byte[] utf8Json, Redactor redactor)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out JsonElement error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new StripeError
            {
                Type = Text(error, "type", redactor),
                Code = Text(error, "code", redactor),
                Param = Text(error, "param", redactor),
                Message = Text(error, "message", redactor),
                DocUrl = Text(error, "doc_url", redactor),
                RequestLogUrl = Text(error, "request_log_url", redactor),
                DeclineCode = Text(error, "decline_code", redactor),
                Charge = Text(error, "charge", redactor),
                PaymentMethodType = Text(error, "payment_method_type", redactor),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A field that is not a string (a number where text was expected) is left out rather than guessed at.
    private static string? Text(JsonElement error, string name, Redactor redactor) =>
        error.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? redactor.Redact(value.GetString()) : null;
}
