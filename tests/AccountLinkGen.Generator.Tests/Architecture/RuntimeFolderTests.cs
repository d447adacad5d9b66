using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Architecture;

/// <summary>
/// Folders of the runtime with rules of their own, each a line budget and code it must not hold:
/// <list type="bullet">
/// <item><b>Forms</b> (the form writer): nothing whose memory safety rests on invariants a reader must take on trust,
/// no unsafe code, intrinsics or thread-static state.</item>
/// <item><b>Webhooks</b>: events are read without reflection, so that trimmed and NativeAOT apps can receive them: no
/// <c>System.Reflection</c>, no <c>JsonSerializer</c> (whose generic reading reflects without a source-generated
/// context), no <c>dynamic</c>.</item>
/// <item><b>Telemetry</b>: counted apart from the runtime's 2,500 lines (<see cref="RuntimeSizeTests"/>), so it
/// keeps a budget of its own.</item>
/// <item><b>Files</b> (uploads and downloads): counted apart too, within 420 lines; like the webhooks, no reflection,
/// so that trimmed and NativeAOT apps can upload and download.</item>
/// <item><b>Paging</b>: the list types and the auto-paging loops, also counted apart; pages are read with the
/// generated readers of their items, never by reflection.</item>
/// </list>
/// </summary>
public sealed class RuntimeFolderTests
{
    private const string UnsafeCode = @"\bunsafe\b|\bUnsafe\.|\bMemoryMarshal\b|System\.Runtime\.Intrinsics|\bThreadStatic\b";
    private const string Reflection = @"System\.Reflection|\bJsonSerializer\b|\bdynamic\b|\bActivator\b|\bGetType\(\)";
    private const string Nothing = "(?!)";

    [Theory]
    [InlineData("Forms", 500, UnsafeCode)]
    [InlineData("Webhooks", 600, Reflection)]
    [InlineData("Telemetry", 500, Nothing)]
    [InlineData("Files", 420, Reflection)]
    [InlineData("Paging", 400, Reflection)]
    public void Folder_KeepsItsBudget_AndHoldsNoBannedCode(string folder, int maxLines, string banned)
    {
        string[] files = Directory.GetFiles(Path.Combine(Repo.Root, "runtime", folder), "*.cs");
        var pattern = new Regex(banned);
        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Where: $"{Path.GetFileName(f)}:{i + 1}: {line.Trim()}", Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && pattern.IsMatch(l.Text))
            .Select(l => l.Where)
            .ToList();
        int lines = files.Sum(f => File.ReadLines(f).Count());

        Assert.NotEmpty(files);
        Assert.Empty(offenders);
        Assert.True(lines <= maxLines, $"runtime/{folder} holds {lines} lines; at most {maxLines}.");
    }
}
