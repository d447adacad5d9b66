using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Architecture;

/// <summary>
/// Folders of the runtime with rules of their own, each code it must not hold (each file's size is
/// <see cref="RuntimeFileSizeTests"/>'s rule):
/// <list type="bullet">
/// <item><b>Forms</b> (the form writer): nothing whose memory safety rests on invariants a reader must take on trust,
/// no unsafe code, intrinsics or thread-static state.</item>
/// <item><b>Webhooks</b>: events are read without reflection, so that trimmed and NativeAOT apps can receive them: no
/// <c>System.Reflection</c>, no <c>JsonSerializer</c> (whose generic reading reflects without a source-generated
/// context), no <c>dynamic</c>.</item>
/// <item><b>Telemetry</b>: a layer fed by the attempt loop's decisions, so it never reads a response itself: no
/// <c>HttpResponseMessage</c>, no header by name (<c>Request-Id</c> and <c>Stripe-Should-Retry</c> are read once,
/// in <c>Client/</c>).</item>
/// <item><b>Files</b> (the multipart body and the download's stream, kinds of body and response): like the webhooks,
/// no reflection, so that trimmed and NativeAOT apps can upload and download.</item>
/// <item><b>Paging</b>: the list types and the auto-paging loops; pages are read with the generated readers of their
/// items, never by reflection.</item>
/// </list>
/// And across the runtime, each of Stripe's response headers that decide something is read in one file.
/// </summary>
public sealed class RuntimeFolderTests
{
    private const string UnsafeCode = @"\bunsafe\b|\bUnsafe\.|\bMemoryMarshal\b|System\.Runtime\.Intrinsics|\bThreadStatic\b";
    private const string Reflection = @"System\.Reflection|\bJsonSerializer\b|\bdynamic\b|\bActivator\b|\bGetType\(\)";
    private const string ResponseReading = @"\bHttpResponseMessage\b|""Request-Id""|""Stripe-Should-Retry""|\bTryGetValues\b";

    [Theory]
    [InlineData("Forms", UnsafeCode)]
    [InlineData("Webhooks", Reflection)]
    [InlineData("Telemetry", ResponseReading)]
    [InlineData("Files", Reflection)]
    [InlineData("Paging", Reflection)]
    public void Folder_HoldsNoBannedCode(string folder, string banned)
    {
        string[] files = Directory.GetFiles(Path.Combine(Repo.Root, "runtime", folder), "*.cs");
        var pattern = new Regex(banned);
        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Where: $"{Path.GetFileName(f)}:{i + 1}: {line.Trim()}", Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && pattern.IsMatch(l.Text))
            .Select(l => l.Where)
            .ToList();

        Assert.NotEmpty(files);
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("\"Request-Id\"", "Client/AttemptLoop.cs")]
    [InlineData("\"Stripe-Should-Retry\"", "Client/RetryPolicy.cs")]
    public void A_response_header_is_read_in_one_place(string header, string reader)
    {
        // Read once, its value travels on (to the exception, the response's details, the telemetry): a second reading
        // could come to another answer.
        string runtime = Path.Combine(Repo.Root, "runtime");
        var readers = Directory.EnumerateFiles(runtime, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => !l.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && l.Contains(header, System.StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(runtime, f).Replace('\\', '/'))
            .ToList();

        Assert.Equal(new[] { reader }, readers);
    }
}
