using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// How a service declares itself and its methods. Ours: a sealed class whose every method takes a cancellation
/// token. Stripe.net's (<c>AccountLinkGenCompatibility=StripeNet</c>): a class that a test double can derive from and a
/// mocking library can intercept (not sealed, every public method <c>virtual</c>), whose synchronous methods take
/// Stripe.net's parameters, without a cancellation token, so that an override or a mock's setup written for Stripe.net
/// (an expression tree, which must spell every argument) compiles unchanged.
/// </summary>
/// <param name="StripeNet">Whether the service has Stripe.net's shape.</param>
internal readonly record struct MethodShape(bool StripeNet)
{
    /// <summary>The field that holds the client given to the constructor.</summary>
    public const string ClientField = "_client";

    /// <summary>The member of Stripe.net's shape that sends through the client given to the constructor, else the process-wide one.</summary>
    private const string ConfiguredClient = "Client";

    /// <summary>The shape of the spec's services: Stripe.net's in its compatibility mode, else ours.</summary>
    public static MethodShape Of(SpecModel spec) => new(spec.Compatibility == CompatibilityMode.StripeNet);

    /// <summary>The member the methods send through.</summary>
    public string Client => StripeNet ? ConfiguredClient : ClientField;

    /// <summary>What precedes <c>class</c> in the service's declaration, after its accessibility.</summary>
    public string ClassModifiers => StripeNet ? "partial" : "sealed partial";

    /// <summary>What precedes a public method's return type.</summary>
    public string MethodModifiers => StripeNet ? "public virtual" : "public";

    /// <summary>Whether a method takes a cancellation token: every async one; a synchronous one unless in Stripe.net's shape.</summary>
    public bool TakesCancellation(bool sync) => !(sync && StripeNet);

    /// <summary>The token a method passes on: its own parameter, or none where it takes none.</summary>
    public string Token(bool sync) => TakesCancellation(sync) ? ServiceEmitter.CancellationToken : "global::System.Threading.CancellationToken.None";

    /// <summary>
    /// What a synchronous twin takes from its async twin's docs: everything but the exceptions (it writes its own), and,
    /// where it takes no token, the token's parameter.
    /// </summary>
    public string SyncDocsPath => StripeNet
        ? $"/*[not(self::exception) and not(self::param[@name='{ServiceEmitter.CancellationToken}'])]"
        : "/*[not(self::exception)]";
}
