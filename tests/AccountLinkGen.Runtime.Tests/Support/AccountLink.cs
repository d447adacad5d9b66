using System;
using System.Text.Json;

namespace AccountLinkGen.Runtime.Tests.Support;

/// <summary>A hand-written response model with a strict Utf8JsonReader-based reader.</summary>
public sealed class AccountLink
{
    public string? Object { get; private set; }

    public long Created { get; private set; }

    public long ExpiresAt { get; private set; }

    public string? Url { get; private set; }

    public static readonly StripeResponseReader<AccountLink> Reader = Read;

    public static AccountLink Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        var link = new AccountLink();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "object": link.Object = reader.GetString(); break;
                case "created": link.Created = reader.GetInt64(); break;
                case "expires_at": link.ExpiresAt = reader.GetInt64(); break;
                case "url": link.Url = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("Unterminated object.");
        }

        return link;
    }
}
