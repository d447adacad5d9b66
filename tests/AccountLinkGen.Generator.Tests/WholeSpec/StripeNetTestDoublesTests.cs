using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// Code tested with Stripe.net keeps its test doubles: with <c>AccountLinkGenCompatibility=StripeNet</c> a service can be
/// derived from and every public method overridden, with Stripe.net's parameters (its synchronous methods take no
/// cancellation token), so a subclass standing in for Stripe and a mocking library's setups, which are expression
/// trees spelling out every argument, compile unchanged and are called instead of the service.
/// </summary>
[Collection(StripeNetExamplesCollection.Name)]
public sealed class StripeNetTestDoublesTests
{
    private readonly CompiledStripeNetExamples _compiled;

    public StripeNetTestDoublesTests(CompiledStripeNetExamples compiled) => _compiled = compiled;

    [SkippableFact]
    public void Test_doubles_written_for_Stripe_net_compile_and_stand_in_for_the_services()
    {
        Skip.If(StripeNetExamples.SkipReason is not null, StripeNetExamples.SkipReason);
        StripeNetExamples examples = _compiled.Examples;
        SyntaxTree app = examples.ParseApp("StripeNetStyleTestDoubles.cs.txt");
        Compilation compilation = examples.Run.Output.RemoveSyntaxTrees(examples.Tree).AddSyntaxTrees(app);

        using var image = new MemoryStream();
        EmitResult emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new OwnRuntimeLoadContext(nameof(StripeNetTestDoublesTests));
        try
        {
            Assembly assembly = context.LoadFromStream(image);
            object? result = assembly.GetType("SignupApp.Program", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null);

            // Expected from the doubles' own rules: customers numbered in order, a subscription named after its customer,
            // the two listed subscriptions canceled, the balance double told of the connected account, and the
            // customer's metadata changed in place and passed on, its locales added to.
            Assert.Equal("cus_1/sub_for_cus_1;jenny@example.com;cus_2;2;True;sub_1,sub_2;True;plan=gold,source=test|en,fr", result);
            AssertEveryServiceCanBeStoodInFor(assembly);
        }
        finally
        {
            context.Unload();
        }
    }

    private static bool IsAsync(Type returned) =>
        returned.IsGenericType && returned.GetGenericTypeDefinition() is var definition
        && (definition == typeof(Task<>) || definition == typeof(IAsyncEnumerable<>));

    /// <summary>What a mocking library's proxy needs of each service: a class it can derive from whose every public method it can override.</summary>
    private static void AssertEveryServiceCanBeStoodInFor(Assembly assembly)
    {
        var services = assembly.GetTypes()
            .Where(t => t.GetConstructors().Any(c => c.GetParameters() is [{ ParameterType.Name: "IStripeClient" }]))
            .ToList();
        Assert.True(services.Count > 100, $"Only {services.Count} services were found.");
        foreach (Type service in services)
        {
            Assert.False(service.IsSealed, $"{service.FullName} is sealed.");
            MethodInfo[] methods = service.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            MethodInfo[] notVirtual = methods.Where(m => !m.IsVirtual || m.IsFinal).ToArray();
            Assert.True(notVirtual.Length == 0, $"{service.FullName} has methods a double cannot override: {string.Join(", ", notVirtual.Select(m => m.Name))}");

            // Stripe.net's synchronous methods take no token, so a setup that spells out their arguments has none to give.
            MethodInfo[] syncWithToken = methods.Where(m => !IsAsync(m.ReturnType) && m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken))).ToArray();
            Assert.True(syncWithToken.Length == 0, $"{service.FullName} has synchronous methods that take a token: {string.Join(", ", syncWithToken.Select(m => m.Name))}");
        }
    }
}
