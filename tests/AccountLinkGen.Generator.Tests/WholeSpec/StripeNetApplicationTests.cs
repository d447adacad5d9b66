using System;
using System.Linq;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// An application written for Stripe.net (<c>Apps/StripeNetStyleBilling.cs.txt</c>: the calls integrations make most,
/// beyond what Stripe.net's one-call examples show) compiles unchanged against the whole 2023-09-12 spec generated
/// into namespace <c>Stripe</c> with <c>AccountLinkGenCompatibility=StripeNet</c>: the shape a team switching from
/// Stripe.net needs, checked on the compilation the examples' tests share.
/// </summary>
[Collection(StripeNetExamplesCollection.Name)]
public sealed class StripeNetApplicationTests
{
    private readonly CompiledStripeNetExamples _compiled;

    public StripeNetApplicationTests(CompiledStripeNetExamples compiled) => _compiled = compiled;

    [SkippableTheory]
    [InlineData("StripeNetStyleBilling.cs.txt")]
    [InlineData("StripeNetStyleMarketplace.cs.txt")]
    public void An_application_written_for_Stripe_net_compiles_against_the_generated_client(string file)
    {
        Skip.If(StripeNetExamples.SkipReason is not null, StripeNetExamples.SkipReason);
        StripeNetExamples examples = _compiled.Examples;
        SyntaxTree app = examples.ParseApp(file);

        Compilation compilation = examples.Run.Output.AddSyntaxTrees(app);
        var errors = compilation.GetSemanticModel(app).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
