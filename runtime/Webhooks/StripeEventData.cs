using System.Text.Json;

namespace AccountLinkGen;

/// <summary>The <c>data</c> of a <see cref="StripeEvent"/>.</summary>
public sealed class StripeEventData
{
    /// <summary>
    /// The object the event is about: the generated model its <c>object</c> field names (<c>Customer</c> for a
    /// <c>customer.created</c> event, the deleted form where it has <c>deleted: true</c>), or a
    /// <see cref="JsonElement"/> when the generated code has no model for it or its model could not read it
    /// (<see cref="ReadError"/> then says why); null when the event has none.
    /// </summary>
    public object? Object { get; init; }

    /// <summary>
    /// For <c>*.updated</c> events, the changed fields with their values before the change, kept whole as JSON; null
    /// for other events.
    /// </summary>
    public JsonElement? PreviousAttributes { get; init; }

    /// <summary>
    /// Why <see cref="Object"/> is JSON although a model is generated for its <c>object</c>: the model's reader
    /// refused it, for example because a field the spec requires is missing (an event rendered in another API
    /// version can lack one). The message names the field. Null when the model read it, or none exists.
    /// </summary>
    public JsonException? ReadError { get; init; }
}
