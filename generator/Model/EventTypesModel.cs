using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>
/// The event types of the spec, from the <c>enabled_events</c> enum of its webhook endpoints, as string constants
/// (<c>EventTypes.CustomerCreated</c> is <c>customer.created</c>) to compare a webhook event's type with.
/// </summary>
internal sealed record EventTypesModel(string Name, EquatableArray<EventTypeModel> Types);

/// <summary>One event type: its wire value and the name of its constant.</summary>
internal sealed record EventTypeModel(string Value, string Name);
