using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AccountLinkGen.Generator.Tests.Support;

/// <summary>Runs the real generator through a real <see cref="CSharpGeneratorDriver"/> over in-memory inputs.</summary>
internal sealed class GeneratorHarness
{
    public const string SpecFilePath = "/repo/spec/account_links.yaml";

    private readonly Dictionary<string, string> _globalOptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _fileOptions = new(StringComparer.Ordinal);

    public List<(string Path, string Text)> AdditionalFiles { get; } = new();

    public List<string> Sources { get; } = new() { "namespace Consumer; public static class Placeholder { }" };

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.CSharp12;

    /// <summary><see cref="DocumentationMode.Diagnose"/> also checks the doc comments: XML, crefs, param names.</summary>
    public DocumentationMode DocumentationMode { get; set; } = DocumentationMode.Parse;

    public bool ReferenceRuntime { get; set; } = true;

    /// <summary>Assemblies the consumer references besides the framework and the runtime.</summary>
    public List<MetadataReference> ExtraReferences { get; } = new();

    public static GeneratorHarness ForFragment(string? specText = null)
    {
        var harness = new GeneratorHarness();
        harness.AdditionalFiles.Add((SpecFilePath, specText ?? Repo.SpecText));
        return harness.WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
    }

    public GeneratorHarness WithProperty(string name, string value)
    {
        _globalOptions["build_property." + name] = value;
        return this;
    }

    public GeneratorHarness WithFileMetadata(string path, string name, string value)
    {
        if (!_fileOptions.TryGetValue(path, out var options))
        {
            _fileOptions[path] = options = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        options["build_metadata.AdditionalFiles." + name] = value;
        return this;
    }

    public CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            "Consumer",
            Sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public CSharpParseOptions ParseOptions => new(LanguageVersion, DocumentationMode);

    public IEnumerable<MetadataReference> References =>
        (ReferenceRuntime
            ? Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(AccountLinkGen.FormWriter).Assembly.Location))
            : Net80.References.All).Concat(ExtraReferences);

    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new AccountLinkGenerator().AsSourceGenerator() },
            AdditionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            ParseOptions,
            new OptionsProvider(_globalOptions, _fileOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once and compiles its output with the consumer's sources.</summary>
    public GeneratorRun Run()
    {
        CSharpCompilation compilation = CreateCompilation();
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, Dictionary<string, string>> _fileOptions;

        public OptionsProvider(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> fileOptions)
        {
            GlobalOptions = new Options(global);
            _fileOptions = fileOptions;
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            _fileOptions.TryGetValue(textFile.Path, out var options) ? new Options(options) : Options.Empty;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>The result of one generator run: generated sources, generator diagnostics, and the compiled output.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Compiler diagnostics of the consumer compilation with the generated code, warnings and up.</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>
    /// Compiler diagnostics in the generated files only, warnings and up: with
    /// <see cref="GeneratorHarness.DocumentationMode"/> set to Diagnose, the consumer's own undocumented test code
    /// (CS1591) stays out of it.
    /// </summary>
    public IReadOnlyList<Diagnostic> GeneratedCodeDiagnostics =>
        CompileDiagnostics.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true).ToList();

    public Exception? GeneratorException => Result.Results.Single().Exception;
}
