using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Parsing;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// The service accessor (<c>stripe.Customers</c>, <c>stripe.Checkout.Sessions</c>) compiled by the real compiler and
/// run, and its dependency-injection registration, which is emitted only where the consumer references the
/// abstractions.
/// </summary>
public sealed class ServiceAccessorTests
{
    private const string NamesSpecPath = "/repo/spec/stripe_names.yaml";

    private static readonly string NamesText = File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "Parsing", "Specs", "stripe_names.yaml"));

    [Fact]
    public void Services_are_grouped_by_their_paths_packages_plural_for_collections()
    {
        SpecModel spec = ModelBuilder.Parse(NamesText, path: NamesSpecPath);
        ServiceAccessorModel accessor = ServiceAccessors.Build(spec, "StripeServices")!;

        Assert.Equal("AddStripeServices", accessor.RegistrationMethod);
        Assert.Equal(new[] { "Checkout", "Tax", "TestHelpers" }, accessor.Root.Groups.Select(g => g.PropertyName));
        Assert.Contains(("Balance", "BalanceService"), Entries(accessor.Root));
        Assert.Contains(("Accounts", "AccountService"), Entries(accessor.Root));
        Assert.Contains(("AccountPersons", "AccountPersonService"), Entries(accessor.Root));
        Assert.Contains(("ThreeDSecures", "ThreeDSecureService"), Entries(accessor.Root));
        Assert.Contains(("InvoiceItems", "InvoiceItemService"), Entries(accessor.Root));
        Assert.Equal(new[] { ("Sessions", "CheckoutSessionService") }, Entries(Group(accessor.Root, "Checkout")));
        Assert.Equal(new[] { ("Transactions", "TaxTransactionService") }, Entries(Group(accessor.Root, "Tax")));
        ServiceGroupModel issuing = Group(Group(accessor.Root, "TestHelpers"), "Issuing");
        Assert.Equal("IssuingServices", issuing.TypeName);
        Assert.Equal(new[] { ("Cards", "TestHelpersIssuingCardService") }, Entries(issuing));
    }

    [Fact]
    public void A_service_whose_name_a_group_has_takes_the_next_free_name()
    {
        SpecModel spec = ModelBuilder.Parse(NamesText, path: NamesSpecPath);
        var renamed = spec with
        {
            Operations = spec.Operations.Select(o => o.ServiceName == "BalanceService" ? o with { Location = o.Location! with { Word = "Checkout" } } : o).ToEquatableArray(),
        };

        ServiceAccessorModel accessor = ServiceAccessors.Build(renamed, "StripeServices")!;

        Assert.Contains(("Checkout2", "BalanceService"), Entries(accessor.Root));
        Assert.Contains(accessor.Root.Groups, g => g.PropertyName == "Checkout");
    }

    [Fact]
    public void The_accessor_compiles_without_warnings_and_hands_out_one_instance_per_service()
    {
        GeneratorHarness harness = Harness(withDependencyInjection: false);
        harness.DocumentationMode = DocumentationMode.Diagnose;
        GeneratorRun run = harness.Run();

        Assert.Null(run.GeneratorException);
        Assert.Empty(run.GeneratedCodeDiagnostics);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Registration", StringComparison.Ordinal));

        using var loaded = new LoadedAssembly(run.Output);
        Type accessorType = loaded.Type("Consumer.Stripe.StripeServices");
        var client = new StripeClient(new StripeClientOptions { ApiKey = "sk_test_accessor" });
        object stripe = Activator.CreateInstance(accessorType, client)!;
        object other = Activator.CreateInstance(accessorType, client)!;

        object customers = Get(stripe, "Accounts");
        Assert.Equal("AccountService", customers.GetType().Name);
        Assert.Same(customers, Get(stripe, "Accounts"));
        Assert.NotSame(customers, Get(other, "Accounts"));
        Assert.Same(client, Get(stripe, "Client"));

        object checkout = Get(stripe, "Checkout");
        Assert.Same(checkout, Get(stripe, "Checkout"));
        object sessions = Get(checkout, "Sessions");
        Assert.Equal("CheckoutSessionService", sessions.GetType().Name);
        Assert.Same(sessions, Get(Get(stripe, "Checkout"), "Sessions"));
        Assert.Same(client, Get(checkout, "Client"));
        Assert.Equal("TestHelpersIssuingCardService", Get(Get(Get(stripe, "TestHelpers"), "Issuing"), "Cards").GetType().Name);

        Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(accessorType, new object?[] { null }));
    }

    [Fact]
    public void Threads_that_ask_at_once_all_get_the_same_service()
    {
        GeneratorRun run = Harness(withDependencyInjection: false).Run();
        using var loaded = new LoadedAssembly(run.Output);
        Type accessorType = loaded.Type("Consumer.Stripe.StripeServices");
        var client = new StripeClient(new StripeClientOptions { ApiKey = "sk_test_accessor" });
        for (int round = 0; round < 20; round++)
        {
            object stripe = Activator.CreateInstance(accessorType, client)!;
            using var start = new System.Threading.Barrier(4);
            object[] seen = new object[4];
            System.Threading.Tasks.Parallel.For(0, 4, i =>
            {
                start.SignalAndWait();
                seen[i] = Get(stripe, "Balance");
            });

            Assert.All(seen, s => Assert.Same(seen[0], s));
            Assert.Same(seen[0], Get(stripe, "Balance"));
        }
    }

    [Fact]
    public void Without_the_dependency_injection_abstractions_no_registration_is_emitted_and_with_them_it_is()
    {
        GeneratorRun without = Harness(withDependencyInjection: false).Run();
        GeneratorHarness harness = Harness(withDependencyInjection: true);
        harness.DocumentationMode = DocumentationMode.Diagnose;
        GeneratorRun with = harness.Run();

        Assert.DoesNotContain(without.Sources, s => s.HintName.EndsWith(".StripeServicesRegistration.g.cs", StringComparison.Ordinal));
        string registration = with.Source("stripe_names.StripeServicesRegistration.g.cs");
        Assert.Empty(with.GeneratedCodeDiagnostics);
        Assert.Contains("public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection AddStripeServices(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)", registration);
        Assert.Contains("TryAddTransient(services, static provider => new StripeServices(ResolveClient(provider)));", registration);
        Assert.Contains("TryAddTransient(services, static provider => new TestHelpersIssuingCardService(ResolveServiceClient(provider)));", registration);

        // AddStripeClient is in the runtime's DI package, which this consumer does not reference: no overload takes
        // the client's options.
        Assert.DoesNotContain("StripeClientServiceCollectionExtensions", registration);
    }

    [Fact]
    public void Specs_sharing_a_namespace_each_get_an_accessor_named_after_their_file()
    {
        GeneratorHarness harness = Harness(withDependencyInjection: false);
        harness.AdditionalFiles.Add((GeneratorHarness.SpecFilePath, Repo.SpecText));
        GeneratorRun run = harness.Run();

        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "stripe_names.StripeNamesServices.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "account_links.AccountLinksServices.g.cs");
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".StripeServices.g.cs", StringComparison.Ordinal));
    }

    private static GeneratorHarness Harness(bool withDependencyInjection)
    {
        var harness = new GeneratorHarness();
        harness.AdditionalFiles.Add((NamesSpecPath, NamesText));
        harness.WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
        if (withDependencyInjection)
        {
            harness.ExtraReferences.Add(MetadataReference.CreateFromFile(DependencyInjectionAbstractions));
        }

        return harness;
    }

    /// <summary>The abstractions' net8.0 build, which binds against the net8.0 reference assemblies the harness compiles with.</summary>
    private static string DependencyInjectionAbstractions =>
        typeof(ServiceAccessorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DependencyInjectionAbstractions").Value!;

    private static ServiceGroupModel Group(ServiceGroupModel parent, string name) => parent.Groups.Single(g => g.PropertyName == name);

    private static List<(string Property, string Service)> Entries(ServiceGroupModel group) =>
        group.Services.Select(s => (s.PropertyName, s.ServiceName)).ToList();

    private static object Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target)!;

    /// <summary>The compiled consumer, in a context of its own; the runtime it references comes from the tests' context.</summary>
    private sealed class LoadedAssembly : IDisposable
    {
        private readonly AssemblyLoadContext _context = new(nameof(ServiceAccessorTests), isCollectible: true);
        private readonly Assembly _assembly;

        public LoadedAssembly(Compilation compilation)
        {
            using var stream = new MemoryStream();
            EmitResult result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
            stream.Position = 0;
            _assembly = _context.LoadFromStream(stream);
        }

        public Type Type(string name) => _assembly.GetType(name, throwOnError: true)!;

        public void Dispose() => _context.Unload();
    }
}
