using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Architecture;

/// <summary>
/// The runtime's form writer stays small and safe: no code whose memory safety rests on invariants a reader must
/// take on trust, and no more lines than one sitting reads.
/// </summary>
public sealed class RuntimeFormsTests
{
    private const int MaxLines = 500;

    private static string[] Files => Directory.GetFiles(Path.Combine(Repo.Root, "runtime", "Forms"), "*.cs");

    [Fact]
    public void Forms_HoldsNoUnsafeCode_NoIntrinsics_AndNoThreadStaticState()
    {
        var banned = new Regex(@"\bunsafe\b|\bUnsafe\.|\bMemoryMarshal\b|System\.Runtime\.Intrinsics|\bThreadStatic\b");
        var offenders = Files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Where: $"{Path.GetFileName(f)}:{i + 1}: {line.Trim()}", Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && banned.IsMatch(l.Text))
            .Select(l => l.Where)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Forms_IsAtMost500Lines()
    {
        int lines = Files.Sum(f => File.ReadLines(f).Count());

        Assert.True(lines <= MaxLines, $"runtime/Forms holds {lines} lines; at most {MaxLines}.");
    }
}
