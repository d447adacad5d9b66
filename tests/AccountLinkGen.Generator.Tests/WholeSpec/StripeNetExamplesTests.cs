using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// Stripe.net's own examples (<c>GeneratedExamplesTest.cs</c>, 395 facts written for the API version of the
/// 2023-09-12 spec), compiled unchanged against the client generated from that spec in namespace <c>Stripe</c> with
/// <c>AccountLinkGenCompatibility=StripeNet</c>: how far a Stripe.net codebase is from compiling after switching
/// packages. Each fact is counted as compiling when the
/// compiler reports no error inside it. The count is a ratchet: a fall fails, and so does a rise until the floor is
/// raised to it, so that a later change cannot quietly give the gain back.
/// </summary>
[Collection(StripeNetExamplesCollection.Name)]
public sealed class StripeNetExamplesTests
{
    /// <summary>The facts that compiled when this count was last raised.</summary>
    private const int CompilingFloor = 395;

    private readonly CompiledStripeNetExamples _compiled;
    private readonly ITestOutputHelper _output;

    public StripeNetExamplesTests(CompiledStripeNetExamples compiled, ITestOutputHelper output)
    {
        _compiled = compiled;
        _output = output;
    }

    [SkippableFact]
    public void StripeNetsExamples_CompileAgainstTheGeneratedClient_AtLeastAsOftenAsBefore()
    {
        Skip.If(StripeNetExamples.SkipReason is not null, StripeNetExamples.SkipReason);
        StripeNetExamples examples = _compiled.Examples;
        GeneratorRun run = examples.Run;
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (Environment.GetEnvironmentVariable("ACCOUNTLINKGEN_COMPAT_DUMP") is { Length: > 0 } dump)
        {
            // Opt-in: the generated files, to read what the mode generates.
            Directory.CreateDirectory(dump);
            foreach (var source in run.Sources)
            {
                File.WriteAllText(Path.Combine(dump, source.HintName), source.SourceText.ToString());
            }
        }

        SyntaxTree tree = examples.Tree;
        var facts = examples.Facts;
        var failing = examples.Failing;
        var errors = examples.Errors.ToList();
        int compiling = facts.Count(f => !failing.ContainsKey(f.Identifier.Text));
        _output.WriteLine($"{compiling} of {facts.Count} facts compile; {errors.Count} errors in {failing.Count} facts.");

        foreach (var blocker in failing.Values.GroupBy(f => string.Join(" ", f.Select(e => e.Id).Distinct().OrderBy(i => i))).OrderByDescending(g => g.Count()))
        {
            _output.WriteLine($"{blocker.Count(),4} facts fail with {blocker.Key} alone");
        }

        // The reasons, most frequent first, with the names in the messages kept and the rest of the text as it is.
        foreach (var reason in errors.GroupBy(e => e.Id + " " + Regex.Replace(e.GetMessage(), @"'[^']*'", "'…'")).OrderByDescending(g => g.Count()).Take(15))
        {
            _output.WriteLine($"{reason.Count(),4}× {reason.Key}");
        }

        foreach (var name in errors.Where(e => e.Id == "CS0246" || e.Id == "CS0234").GroupBy(e => Regex.Match(e.GetMessage(), @"'([^']*)'").Groups[1].Value).OrderByDescending(g => g.Count()).Take(20))
        {
            _output.WriteLine($"  missing type {name.Key} ×{name.Count()}");
        }

        foreach (Diagnostic error in errors.Where(e => e.Id is not ("CS0234" or "CS0246")))
        {
            _output.WriteLine($"  {error.Id} {error.GetMessage()}");
        }

        // The generated client itself compiles clean in this mode, with no warning either, whatever the examples ask of it.
        var generatedErrors = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.IsInSource && d.Location.SourceTree != tree).ToList();
        foreach (Diagnostic error in generatedErrors.Take(20))
        {
            _output.WriteLine("generated: " + error);
        }

        Assert.Empty(generatedErrors);

        // Stripe.net's names for nested options (a list's items in the singular, down the classes nested in them, and
        // Options after a parameter's own …_options) and for the services of resources under another's item.
        foreach (string name in new[] { "Stripe.CreditNoteLineOptions", "Stripe.Checkout.SessionLineItemPriceDataOptions", "Stripe.PriceCurrencyOptionsOptions", "Stripe.Checkout.SessionShippingOptionOptions", "Stripe.Checkout.SessionShippingOptionShippingRateDataOptions", "Stripe.CustomerInvoiceSettingsRenderingOptionsOptions", "Stripe.PersonService", "Stripe.PersonRelationshipOptions", "Stripe.TaxIdService", "Stripe.CashBalanceService", "Stripe.ApplicationFeeRefundService" })
        {
            Assert.True(run.Output.GetTypeByMetadataName(name) is not null, name + " is not generated.");
        }

        // Each entry of the one table of names, the classes Stripe.net shares by hand, is still used by the spec.
        foreach (var shared in AccountLinkGen.Generator.Helpers.Naming.StripeNetSharedOptions)
        {
            Assert.True(run.Output.GetTypeByMetadataName("Stripe." + shared.Name) is not null, shared.Name + " (Naming.StripeNetSharedOptions) stands for no class of the spec: drop the entry.");
        }

        // The two word lists of names Stripe.net made by hand are still used by the spec too.
        var typeNames = run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string word in AccountLinkGen.Generator.Helpers.Naming.StripeNetVerbFirstActions)
        {
            Assert.True(typeNames.Any(t => t.StartsWith(word, StringComparison.Ordinal) && t.EndsWith("Options", StringComparison.Ordinal)), word + " (Naming.StripeNetVerbFirstActions) names no options class of the spec: drop the entry.");
        }

        // An entry is used where a method named with its resource (InvoiceService.FinalizeInvoice) takes options with
        // the bare verb (InvoiceFinalizeOptions), which the rule would otherwise name InvoiceFinalizeInvoiceOptions.
        var types = run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>().ToList();
        foreach (string word in AccountLinkGen.Generator.Helpers.Naming.StripeNetHandWrittenActionOptions)
        {
            string verb = AccountLinkGen.Generator.Helpers.Naming.Pascal(word);
            bool used = types.Where(t => t.Name.EndsWith("Service", StringComparison.Ordinal)).Any(service =>
            {
                string resource = service.Name.Substring(0, service.Name.Length - "Service".Length);
                return service.GetMembers(verb + resource).OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => p.Type.Name == resource + verb + "Options"));
            });
            Assert.True(used, word + " (Naming.StripeNetHandWrittenActionOptions) is the verb of no method whose options keep it bare: drop the entry.");
        }

        Assert.Equal(395, facts.Count);
        Assert.True(compiling >= CompilingFloor, $"{compiling} of {facts.Count} of Stripe.net's examples compile, fewer than the {CompilingFloor} before.");
        Assert.True(compiling == CompilingFloor, $"{compiling} of {facts.Count} of Stripe.net's examples compile, more than the {CompilingFloor} recorded: raise {nameof(CompilingFloor)} to {compiling}, so that the gain is kept.");
    }
}
