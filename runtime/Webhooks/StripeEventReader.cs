using System;
using System.Text.Json;

namespace AccountLinkGen;

/// <summary>
/// Reads an event's envelope with <see cref="Utf8JsonReader"/> (no reflection, so trimming and NativeAOT keep
/// working), and its <c>data.object</c> through the registered <see cref="StripeObjects"/> tables. Unknown fields are
/// skipped and nothing is checked against an API version; only an event without <c>id</c> or <c>type</c> is
/// refused, as nothing could be done with it.
/// </summary>
internal static class StripeEventReader
{
    /// <exception cref="JsonException">The payload is not a JSON object, or has no <c>id</c> or <c>type</c>.</exception>
    public static StripeEvent Read(ReadOnlySpan<byte> utf8Json, string rawJson)
    {
        var reader = new Utf8JsonReader(utf8Json);
        JsonRead.StartDocument(ref reader, nameof(StripeEvent));
        string? id = null, type = null, apiVersion = null, account = null;
        DateTimeOffset? created = null;
        bool? livemode = null;
        long? pendingWebhooks = null;
        StripeEventRequest? request = null;
        StripeEventData? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "id": id = JsonRead.String(ref reader); break;
                case "type": type = JsonRead.String(ref reader); break;
                case "created": created = JsonRead.UnixTime(ref reader); break;
                case "api_version": apiVersion = JsonRead.String(ref reader); break;
                case "livemode": livemode = JsonRead.Boolean(ref reader); break;
                case "account": account = JsonRead.String(ref reader); break;
                case "pending_webhooks": pendingWebhooks = JsonRead.Int64(ref reader); break;
                case "request": request = ReadRequest(ref reader); break;
                case "data": data = ReadData(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new StripeEvent
        {
            Id = id ?? throw Missing("id"),
            Type = type ?? throw Missing("type"),
            Created = created ?? default,
            ApiVersion = apiVersion,
            Livemode = livemode ?? false,
            Account = account,
            PendingWebhooks = pendingWebhooks ?? 0,
            Request = request,
            Data = data ?? new StripeEventData(),
            RawJson = rawJson,
        };
    }

    /// <summary>The request that caused the event: an object since API version 2017-05-25, its ID alone before.</summary>
    private static StripeEventRequest? ReadRequest(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonRead.String(ref reader) is { } oldStyleId ? new StripeEventRequest { Id = oldStyleId } : null;
        }

        string? id = null, idempotencyKey = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "id": id = JsonRead.String(ref reader); break;
                case "idempotency_key": idempotencyKey = JsonRead.String(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new StripeEventRequest { Id = id, IdempotencyKey = idempotencyKey };
    }

    private static StripeEventData? ReadData(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        object? value = null;
        JsonElement? previousAttributes = null;
        JsonException? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "object": value = StripeObjects.Read(ref reader, out error); break;
                case "previous_attributes": previousAttributes = JsonRead.Element(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new StripeEventData { Object = value, PreviousAttributes = previousAttributes, ReadError = error };
    }

    private static JsonException Missing(string field) => new($"The event has no '{field}'.");
}
