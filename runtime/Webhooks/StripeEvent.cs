using System;

namespace AccountLinkGen;

/// <summary>
/// An event Stripe sent to a webhook endpoint, as <see cref="StripeWebhook.ConstructEvent(string, string, string, TimeSpan?)"/>
/// reads it after checking its signature. <see cref="StripeEventData.Object"/> is the generated model its
/// <c>object</c> field names (<c>evt.Data.Object is Customer customer</c>), or the JSON itself when the generated
/// code has no model for it. Nothing here depends on the API version the event was rendered in: an event of
/// another version reads what it can and keeps the rest (<see cref="RawJson"/>).
/// </summary>
public sealed class StripeEvent
{
    /// <summary>The event's ID (<c>evt_…</c>): store it to ignore the same event delivered twice.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The event type, such as <c>customer.created</c>; the generated <c>EventTypes</c> holds them as constants.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>When the event was created.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>The API version <see cref="Data"/> was rendered in, or null for events from before October 2014.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Whether the event happened in live mode.</summary>
    public bool Livemode { get; init; }

    /// <summary>The connected account the event happened on, for Connect endpoints; else null.</summary>
    public string? Account { get; init; }

    /// <summary>How many webhook deliveries of this event were still pending when it was sent.</summary>
    public long PendingWebhooks { get; init; }

    /// <summary>The API request that caused the event, or null when it has none (automatic events).</summary>
    public StripeEventRequest? Request { get; init; }

    /// <summary>The object the event is about, and what it was before for <c>*.updated</c> events.</summary>
    public StripeEventData Data { get; init; } = new();

    /// <summary>The event's JSON exactly as signed, for whatever the properties above do not hold.</summary>
    public string RawJson { get; init; } = string.Empty;
}
