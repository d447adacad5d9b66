using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Architecture;

/// <summary>
/// The runtime's webhook support stays small and reads events without reflection, so that trimmed and NativeAOT
/// apps can receive them: no <c>System.Reflection</c>, no <c>JsonSerializer</c> (whose generic reading reflects
/// without a source-generated context), no <c>dynamic</c>.
/// </summary>
public sealed class RuntimeWebhooksTests
{
    private const int MaxLines = 600;

    private static string[] Files => Directory.GetFiles(Path.Combine(Repo.Root, "runtime", "Webhooks"), "*.cs");

    [Fact]
    public void Webhooks_ReadEventsWithoutReflection()
    {
        var banned = new Regex(@"System\.Reflection|\bJsonSerializer\b|\bdynamic\b|\bActivator\b|\bGetType\(\)");
        var offenders = Files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Where: $"{Path.GetFileName(f)}:{i + 1}: {line.Trim()}", Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && banned.IsMatch(l.Text))
            .Select(l => l.Where)
            .ToList();

        Assert.NotEmpty(Files);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Webhooks_IsAtMost600Lines()
    {
        int lines = Files.Sum(f => File.ReadLines(f).Count());

        Assert.True(lines <= MaxLines, $"runtime/Webhooks holds {lines} lines; at most {MaxLines}.");
    }
}
