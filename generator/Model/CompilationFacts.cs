using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>What the generator needs to know about the consumer's compilation, boiled down to comparable values.</summary>
/// <param name="LanguageVersion">The C# language version as a number (e.g. 1100 for C# 11).</param>
/// <param name="HasRuntime">Whether AccountLinkGen.Runtime is referenced, so encoders, validators and readers can be emitted.</param>
/// <param name="HasClient">Whether the runtime's <c>IStripeClient</c> is there (a runtime as new as the generator), so services can be emitted.</param>
/// <param name="HasDependencyInjection">Whether <c>Microsoft.Extensions.DependencyInjection.IServiceCollection</c> is there, so the services' registration can be emitted.</param>
/// <param name="HasClientRegistration">Whether the runtime's <c>AddStripeClient</c> is there too, so one call can register the client and the services.</param>
/// <param name="MissingPolyfills">Metadata names of compiler attributes the framework lacks (for <c>required</c>, <c>init</c> and module initializers).</param>
internal sealed record CompilationFacts(int LanguageVersion, bool HasRuntime, bool HasClient, bool HasDependencyInjection, bool HasClientRegistration, EquatableArray<string> MissingPolyfills)
{
    public const int MinimumLanguageVersion = 1100;

    /// <summary>
    /// Whether the generated code can compile at all (<c>required</c> members and file-scoped namespaces need C# 11):
    /// below that, nothing is emitted and one ALG0008 says why.
    /// </summary>
    public bool CanCompileGeneratedCode => LanguageVersion >= MinimumLanguageVersion;

    /// <summary>The type whose presence says the consumer references the dependency-injection abstractions.</summary>
    public const string ServiceCollectionType = "Microsoft.Extensions.DependencyInjection.IServiceCollection";

    /// <summary>The class of the runtime's <c>AddStripeClient</c>, in the dependency-injection package.</summary>
    public const string ClientRegistrationType = "Microsoft.Extensions.DependencyInjection.StripeClientServiceCollectionExtensions";

    /// <summary>
    /// The compiler attributes that <c>required</c> members, <c>init</c> accessors and the object table's module
    /// initializer need, by metadata name: each one the consumer's framework lacks is emitted as a polyfill.
    /// </summary>
    public static readonly string[] PolyfilledAttributes =
    {
        "System.Runtime.CompilerServices.RequiredMemberAttribute",
        "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute",
        "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute",
        "System.Runtime.CompilerServices.IsExternalInit",
        "System.Runtime.CompilerServices.ModuleInitializerAttribute",
    };
}
