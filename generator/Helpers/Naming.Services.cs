using System;
using System.Collections.Generic;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>The names of the service accessor, its groups and properties, and its dependency-injection registration.</summary>
internal static partial class Naming
{
    private const string ServicesSuffix = "Services";

    /// <summary>
    /// The accessor of a spec that is the only one with services in its namespace: <c>StripeServices</c>, as
    /// Stripe.net's <c>client.V1</c> is a <c>V1Services</c>.
    /// </summary>
    public const string StripeServices = "Stripe" + ServicesSuffix;

    /// <summary>Members every accessor and group has besides its services and groups.</summary>
    public static readonly HashSet<string> ServiceAccessorMembers = new(StringComparer.Ordinal)
    {
        "Client", ServicePublisher, "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>
    /// The accessor of a spec that shares its namespace with other specs that have services: named after its file
    /// (<c>billing.yaml</c> → <c>BillingServices</c>), as its object table is.
    /// </summary>
    public static string ServicesAccessor(string specPath) => Pascal(System.IO.Path.GetFileNameWithoutExtension(specPath)) + ServicesSuffix;

    /// <summary>The type of a group of services, nested in the accessor: <c>Checkout</c> → <c>CheckoutServices</c>.</summary>
    public static string ServiceGroupType(string group) => group + ServicesSuffix;

    /// <summary>
    /// The property that hands out a resource's service: plural for a collection (<c>Session</c> → <c>Sessions</c>),
    /// as written for a singleton (<c>Balance</c>) or a word that is plural already (<c>Settings</c>, <c>People</c>).
    /// </summary>
    public static string ServiceProperty(string word, bool plural) => plural && !IsPlural(word) ? Plural(word) : word;

    /// <summary>The field that holds a service or group once created: <c>Sessions</c> → <c>_sessions</c>.</summary>
    public static string ServiceField(string propertyName) => "_" + Camel(propertyName);

    /// <summary>
    /// The accessor's private helper that publishes a service created on first use; reserved among the accessor's
    /// members (<see cref="ServiceAccessorMembers"/>), so no service or group takes its name.
    /// </summary>
    public const string ServicePublisher = "Publish";

    /// <summary>The registration's private helper that resolves the container's client; the class has no member named from the spec.</summary>
    public const string RegisteredClient = "ResolveClient";

    /// <summary>The registration's private helper that resolves what services take: a registered <c>IStripeClient</c>, else the client.</summary>
    public const string RegisteredServiceClient = "ResolveServiceClient";

    /// <summary>The static class with the registration's extension method: <c>StripeServicesRegistration</c>.</summary>
    public static string ServiceRegistrationClass(string accessorName) => accessorName + "Registration";

    /// <summary>The registration's extension method on <c>IServiceCollection</c>: <c>AddStripeServices</c>.</summary>
    public static string ServiceRegistrationMethod(string accessorName) => "Add" + accessorName;

    // A last word in s that is not ss, us or is (Address, Status, Analysis) is a plural already (Settings, Items),
    // and so is People (an account's people).
    private static bool IsPlural(string word) =>
        word.EndsWith("People", StringComparison.Ordinal)
        || word.EndsWith("s", StringComparison.Ordinal)
        && !word.EndsWith("ss", StringComparison.Ordinal)
        && !word.EndsWith("us", StringComparison.Ordinal)
        && !word.EndsWith("is", StringComparison.Ordinal);
}
