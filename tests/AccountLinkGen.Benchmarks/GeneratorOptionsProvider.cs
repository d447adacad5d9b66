using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// The analyzer config a consumer's build gives the generator: a namespace, and the spec file marked as an
/// <c>AccountLinkGenSpec</c> item with an optional operation filter.
/// </summary>
public sealed class GeneratorOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly string _specPath;
    private readonly AnalyzerConfigOptions _spec;
    private static readonly AnalyzerConfigOptions Empty = new DictionaryOptions(new Dictionary<string, string>());

    public GeneratorOptionsProvider(string specPath, string? operations = null)
    {
        _specPath = specPath;
        var spec = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.AccountLinkGenSpec"] = "true" };
        if (operations is not null)
        {
            spec["build_metadata.AdditionalFiles.AccountLinkGenOperations"] = operations;
        }

        _spec = new DictionaryOptions(spec);
        GlobalOptions = new DictionaryOptions(new Dictionary<string, string>
        {
            ["build_property.AccountLinkGenNamespace"] = "Consumer.Stripe",
        });
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == _specPath ? _spec : Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
