using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>The project-wide MSBuild options, read once per change of the analyzer config.</summary>
/// <param name="Accessibility"><c>public</c> or <c>internal</c>, for every generated type.</param>
/// <param name="Compatibility">The shape of the generated code: the generator's own, or Stripe.net's.</param>
internal sealed record GeneratorOptions(string Namespace, string Accessibility, EquatableArray<DiagnosticInfo> Diagnostics, CompatibilityMode Compatibility = CompatibilityMode.None)
{
    public const string DefaultNamespace = "AccountLinkGen.Generated";
}
