namespace AccountLinkGen.Generator.Model;

/// <summary>
/// The shape of the generated code, chosen by the MSBuild property <c>AccountLinkGenCompatibility</c>: the
/// generator's own, or one that code written for another SDK compiles against unchanged.
/// </summary>
internal enum CompatibilityMode
{
    /// <summary>The generator's own shape (typed enums, names decided by its rules): the default.</summary>
    None,

    /// <summary>
    /// <c>StripeNet</c>: the shape of Stripe.net, so that code written against it compiles unchanged: its namespaces
    /// and names (<c>Parsing/StripeNet*.cs</c>), string-typed enum parameters, leniently read responses, and the
    /// runtime's types visible without a using of their own, as Stripe.net's are under <c>using Stripe;</c>.
    /// </summary>
    StripeNet,
}
