using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>
/// The type that hands out a spec's services over one <c>StripeClient</c> (<c>stripe.Customers</c>,
/// <c>stripe.Checkout.Sessions</c>), grouped by the packages of Stripe's paths as Stripe.net groups them.
/// </summary>
/// <param name="Root">The accessor itself: its services and its groups.</param>
/// <param name="RegistrationClass">The static class of the dependency-injection registration, emitted only when the consumer references the abstractions.</param>
/// <param name="RegistrationMethod">Its extension method on <c>IServiceCollection</c> (<c>AddStripeServices</c>).</param>
internal sealed record ServiceAccessorModel(ServiceGroupModel Root, string RegistrationClass, string RegistrationMethod);

/// <summary>One level of the accessor: the accessor type itself, or a group nested in it (<c>Checkout</c>).</summary>
/// <param name="TypeName">The type (<c>StripeServices</c>; a group's is nested in its parent: <c>CheckoutServices</c>).</param>
/// <param name="PropertyName">The parent's property that hands the group out (<c>Checkout</c>); empty for the accessor itself.</param>
/// <param name="FieldName">The parent's field that holds the group once created (<c>_checkout</c>); empty for the accessor itself.</param>
/// <param name="Services">The services it hands out, by property name.</param>
/// <param name="Groups">The groups nested in it, by property name.</param>
internal sealed record ServiceGroupModel(string TypeName, string PropertyName, string FieldName, EquatableArray<ServiceEntry> Services, EquatableArray<ServiceGroupModel> Groups);

/// <summary>A service the accessor hands out: <c>Sessions</c> returns a <c>CheckoutSessionService</c> held in <c>_sessions</c>.</summary>
internal sealed record ServiceEntry(string PropertyName, string ServiceName, string FieldName);
