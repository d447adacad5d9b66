using System;
using System.Text.Json;

namespace AccountLinkGen;

/// <summary>Reads <c>{"error": {…}}</c> with <see cref="Utf8JsonReader"/>: no reflection, unknown members skipped.</summary>
internal static class StripeErrorReader
{
    /// <summary>Returns the error object, or null when the body is not JSON or has no <c>error</c> object.</summary>
    public static StripeError? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isError = reader.ValueTextEquals("error"u8);
                reader.Read();
                if (isError && reader.TokenType == JsonTokenType.StartObject)
                {
                    return ReadError(ref reader);
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static StripeError ReadError(ref Utf8JsonReader reader)
    {
        string? type = null, code = null, param = null, message = null, docUrl = null, logUrl = null, decline = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // ValueTextEquals compares unescaped text, so "\u0074ype" still matches "type".
            int field =
                reader.ValueTextEquals("type"u8) ? 1 :
                reader.ValueTextEquals("code"u8) ? 2 :
                reader.ValueTextEquals("param"u8) ? 3 :
                reader.ValueTextEquals("message"u8) ? 4 :
                reader.ValueTextEquals("doc_url"u8) ? 5 :
                reader.ValueTextEquals("request_log_url"u8) ? 6 :
                reader.ValueTextEquals("decline_code"u8) ? 7 : 0;
            reader.Read();
            if (field == 0 || reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                continue;
            }

            string value = reader.GetString()!;
            switch (field)
            {
                case 1: type = value; break;
                case 2: code = value; break;
                case 3: param = value; break;
                case 4: message = value; break;
                case 5: docUrl = value; break;
                case 6: logUrl = value; break;
                default: decline = value; break;
            }
        }

        // A truncated body throws above, so reaching here means the error object closed properly.
        return new StripeError
        {
            Type = type,
            Code = code,
            Param = param,
            Message = message,
            DocUrl = docUrl,
            RequestLogUrl = logUrl,
            DeclineCode = decline,
        };
    }
}
