using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>
/// Everything the emitters need from one spec file. Rules for this model and everything under it: sealed records
/// of strings, numbers, bools, enums, nested model records and <see cref="EquatableArray{T}"/>; never a compiler
/// object tied to a compilation (<c>ISymbol</c>, <c>Compilation</c>, <c>SyntaxNode</c>, <c>Location</c>) nor an
/// OpenAPI object, so that the incremental pipeline can compare two models by value and cache the emitted sources.
/// The one exception is a diagnostic's static <c>DiagnosticDescriptor</c>, which is immutable and equal by value.
/// <see cref="Diagnostics"/> ride along to the diagnostics output; the source output gets the model without them
/// (<see cref="PlacedSpec.WithoutDiagnostics"/>).
/// </summary>
/// <param name="ObjectTable">The resources by <c>object</c> value, for typed events; null when the spec has no response model.</param>
/// <param name="EventTypes">The event type constants; null when the spec lists no event types.</param>
/// <param name="Compatibility">The shape the code takes: the generator's own, or Stripe.net's.</param>
/// <param name="StripeNetEvents">Stripe.net's webhook helpers, in its compatibility mode; else null.</param>
internal sealed record SpecModel(
    string FilePath,
    string Namespace,
    string Accessibility,
    string? ApiVersion,
    EquatableArray<OperationModel> Operations,
    EquatableArray<OptionsClassModel> OptionsClasses,
    EquatableArray<EnumModel> Enums,
    EquatableArray<ResponseModel> Responses,
    EquatableArray<DiagnosticInfo> Diagnostics,
    ObjectTableModel? ObjectTable = null,
    EventTypesModel? EventTypes = null,
    CompatibilityMode Compatibility = CompatibilityMode.None,
    StripeNetEventsModel? StripeNetEvents = null);
