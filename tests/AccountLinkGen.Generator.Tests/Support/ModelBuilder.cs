using System.Threading;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Parsing;

namespace AccountLinkGen.Generator.Tests.Support;

/// <summary>Runs the parser alone, for tests on the model.</summary>
internal static class ModelBuilder
{
    public static SpecModel Parse(string text, string? filter = null, bool isExplicit = true, string path = GeneratorHarness.SpecFilePath) =>
        SpecParser.Parse(
            new SpecInput(path, text, isExplicit, filter),
            new GeneratorOptions("Consumer.Stripe", "public", default),
            CancellationToken.None)!;
}
