using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using AccountLinkGen.Generator.Tests.Support;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// Stripe.net's examples that compile against the client of <c>AccountLinkGenCompatibility=StripeNet</c> (see
/// <see cref="StripeNetExamplesTests"/>), run as Stripe.net's CI runs them: each fact once, against stripe-mock,
/// which validates every request against the spec. A fact passes when it returns; it fails on any exception, which
/// the test prints. The count of passing facts is a ratchet, as the compiling count is.
/// </summary>
[Collection(StripeNetExamplesCollection.Name)]
public sealed class StripeNetExamplesRunTests : IClassFixture<StripeMockOverlayFixture>
{
    /// <summary>The facts that passed when this count was last raised.</summary>
    private const int PassingFloor = 395;

    private readonly CompiledStripeNetExamples _compiled;
    private readonly StripeMockOverlayFixture _stripeMock;
    private readonly ITestOutputHelper _output;

    public StripeNetExamplesRunTests(CompiledStripeNetExamples compiled, StripeMockOverlayFixture stripeMock, ITestOutputHelper output)
    {
        _compiled = compiled;
        _stripeMock = stripeMock;
        _output = output;
    }

    [SkippableFact]
    public void StripeNetsExamples_ThatCompile_PassAgainstStripeMock_AtLeastAsOftenAsBefore()
    {
        Skip.If(StripeNetExamples.SkipReason is not null, StripeNetExamples.SkipReason);
        Skip.If(_stripeMock.SkipReason is not null, _stripeMock.SkipReason);
        StripeNetExamples examples = _compiled.Examples;

        using var image = new MemoryStream();
        EmitResult emitted = examples.WithoutFailingFacts().Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        image.Position = 0;
        var context = new OwnRuntimeLoadContext(nameof(StripeNetExamplesRunTests));
        try
        {
            Assembly assembly = context.LoadFromStream(image);
            Type fixtureType = assembly.GetType("StripeTests.StripeMockFixture", throwOnError: true)!;
            fixtureType.GetProperty("BaseAddress")!.SetValue(null, _stripeMock.BaseAddress);
            object test = Activator.CreateInstance(assembly.GetType("StripeTests.GeneratedExamplesTest", throwOnError: true)!, Activator.CreateInstance(fixtureType))!;

            var failures = new List<string>();
            int ran = 0;
            foreach (MethodInfo fact in test.GetType().GetMethods().Where(m => m.GetCustomAttributes().Any(a => a.GetType() == typeof(FactAttribute))))
            {
                ran++;
                try
                {
                    fact.Invoke(test, null);
                }
                catch (TargetInvocationException e)
                {
                    Exception failure = e.InnerException!;
                    failures.Add($"{fact.Name}: {failure.GetType().Name}: {failure.InnerException?.Message ?? failure.Message}");
                }
            }

            int passing = ran - failures.Count;
            _output.WriteLine($"{passing} of {examples.Facts.Count} facts pass against stripe-mock ({ran} compile and ran).");
            foreach (string failure in failures)
            {
                _output.WriteLine(failure);
            }

            Assert.Equal(examples.Facts.Count - examples.Failing.Count, ran);
            Assert.True(passing >= PassingFloor, $"{passing} of Stripe.net's examples pass against stripe-mock, fewer than the {PassingFloor} before.");
            Assert.True(passing == PassingFloor, $"{passing} of Stripe.net's examples pass against stripe-mock, more than the {PassingFloor} recorded: raise {nameof(PassingFloor)} to {passing}, so that the gain is kept.");
        }
        finally
        {
            context.Unload();
        }
    }
}
