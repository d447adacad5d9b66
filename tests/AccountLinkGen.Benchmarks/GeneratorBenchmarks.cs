using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// Spec text → generated sources, the way the compiler runs the generator (a fresh driver, so nothing is cached),
/// against a bare <see cref="OpenApiStringReader"/> parse of the same text. The ratio is what the generator adds
/// on top of the parse it cannot avoid.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class GeneratorBenchmarks
{
    private string _text = null!;
    private string _path = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorOptionsProvider _options = null!;

    /// <summary><c>fragment</c>: the spec in the repository; <c>full</c>: Stripe's whole spec, when the shared folder has it.</summary>
    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = null!;

    public static IEnumerable<string> Specs()
    {
        yield return "fragment";
        if (File.Exists(SpecFiles.Resolve(SpecFiles.FullSpec)))
        {
            yield return "full";
        }
        else
        {
            Console.WriteLine($"// Skipping the full spec: {SpecFiles.Resolve(SpecFiles.FullSpec)} is missing.");
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _path = SpecFiles.Resolve(Spec == "full" ? SpecFiles.FullSpec : SpecFiles.Fragment);
        _text = File.ReadAllText(_path);
        _options = new GeneratorOptionsProvider(_path);

        // A one-line program that references the runtime, so the generator emits services as in a real consumer.
        _compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer; public static class Program { public static void Main() { } }") },
            Basic.Reference.Assemblies.Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(StripeClient).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // Fail the run rather than time a generator that produced nothing.
        GeneratorRunResult result = Generate().GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException($"The generator failed on {Spec}: {result.Exception?.ToString() ?? "no sources"}");
        }

        int chars = result.GeneratedSources.Sum(s => s.SourceText.Length);
        var byId = result.Diagnostics.GroupBy(d => d.Id).Select(g => g.Key + "×" + g.Count());
        Console.WriteLine($"// {Spec}: {_text.Length} chars in, {result.GeneratedSources.Length} sources ({chars} chars) out; diagnostics: {string.Join(", ", byId)}");
    }

    [Benchmark(Baseline = true, Description = "Bare OpenApiStringReader.Read")]
    public object BareParse() => new OpenApiStringReader().Read(_text, out _);

    /// <summary>
    /// The same parse with the reader settings the generator uses (no validation rules: the generator reports
    /// what it cannot express itself), so the generator's own share can be read off without that head start.
    /// </summary>
    [Benchmark(Description = "Bare read, no validation rules")]
    public object BareParseWithoutRules() =>
        new OpenApiStringReader(new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() }).Read(_text, out _);

    [Benchmark(Description = "Generator: RunGenerators")]
    public GeneratorDriver Generate()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new AccountLinkGenerator().AsSourceGenerator() },
            additionalTexts: new AdditionalText[] { new InMemoryAdditionalText(_path, _text) },
            parseOptions: (CSharpParseOptions)_compilation.SyntaxTrees[0].Options,
            optionsProvider: _options);
        return driver.RunGenerators(_compilation);
    }
}
