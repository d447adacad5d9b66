namespace AccountLinkGen.Generator.Model;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: Stripe.net's webhook helpers over the spec's own event model,
/// <c>EventUtility.ConstructEvent(json, header, secret)</c> and the <c>Events</c> constants of Stripe.net 42.
/// </summary>
/// <param name="EventsName">The class of event type constants under Stripe.net 42's name, beside <c>EventTypes</c>.</param>
/// <param name="UtilityName">The class of the helpers.</param>
/// <param name="EventName">The response model of the spec's <c>event</c> resource, which the helpers return.</param>
/// <param name="ApiVersionProperty">
/// That model's property of the <c>api_version</c> field, which the helpers compare with the spec's version; null when
/// it has none.
/// </param>
internal sealed record StripeNetEventsModel(string EventsName, string UtilityName, string EventName, string? ApiVersionProperty);
