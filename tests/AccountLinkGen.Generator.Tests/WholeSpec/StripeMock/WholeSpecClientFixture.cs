using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using AccountLinkGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// The client generated from Stripe's whole spec, compiled and loaded once for the tests of one class (generation
/// and compilation take most of a minute), together with the generator's own model of it: the model names each
/// operation's service method and each property's wire name, so the tests never guess a C# name.
/// </summary>
/// <remarks>
/// It is generated from the spec stripe-mock validates with (<see cref="StripeMockFixture.SpecPath"/>, the
/// published YAML as JSON plus <c>collection_options</c> on <c>POST /v1/account_links</c>), so that what the client
/// can send and what the server checks come from one document.
/// </remarks>
public sealed class WholeSpecClientFixture : IDisposable
{
    public const string Namespace = CompiledClient.Namespace;

    private readonly Lazy<Loaded> _loaded = new(Load);

    /// <summary>Why the client cannot be built here, or null.</summary>
    public string? SkipReason =>
        File.Exists(StripeMockFixture.SpecPath) ? null : $"stripe-mock's spec is not at {StripeMockFixture.SpecPath}; this test runs where the shared folder is present (CI).";

    internal SpecModel Model => _loaded.Value.Client.Model;

    internal Assembly Assembly => _loaded.Value.Client.Assembly;

    /// <summary>The generator's diagnostics of the run, as a build would report them.</summary>
    internal ImmutableArray<Diagnostic> Diagnostics => _loaded.Value.Client.Diagnostics;

    /// <summary>What the generator skipped with ALG0004, operation by operation.</summary>
    internal GeneratorSkips Skips => _loaded.Value.Skips;

    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Client.Dispose();
        }
    }

    private static Loaded Load()
    {
        string specText = File.ReadAllText(StripeMockFixture.SpecPath);
        var client = CompiledClient.Generate(StripeMockFixture.SpecPath, specText);
        using var spec = new SpecSchemas(StripeMockFixture.SpecPath);
        return new Loaded(client, GeneratorSkips.From(client.Model, StripeMockFixture.SpecPath, specText, spec.Operations.Select(o => (o.OperationId, o.HttpMethod, o.Path))));
    }

    private sealed record Loaded(CompiledClient Client, GeneratorSkips Skips);
}
