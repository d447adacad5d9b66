using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Generator.Parsing;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Generator.Tests.Fuzzing;

/// <summary>
/// Feeds the generator seeded mutations of <c>spec/account_links.yaml</c> and of the wire tests' <c>shapes.yaml</c>
/// (maps of objects, object-or-ID parameters, expandable and nullable response fields; see <see cref="SpecMutator"/>) and
/// checks, for every case, that no exception escapes the generator (no CS8785) and that the generated code either
/// compiles without errors or warnings or that each one is tied to an ALG warning or error about the same spec
/// element (<see cref="DiagnosticTie"/>): an unrelated warning excuses nothing. A spec that generates nothing must
/// say why, unless it no longer looks like a spec at all (then it is ignored by design).
/// Failures are listed with their case number and seed, so each one can be replayed alone.
/// </summary>
/// <remarks>
/// Environment variables:
/// <list type="bullet">
/// <item><c>ACCOUNTLINKGEN_FUZZ_CASES</c>: how many cases to run per fragment (default 300, a few tens of seconds);
/// set it to 5000 or more for a long run. Zero, a negative number or anything but an integer fails the test: a fuzz
/// run of no case would pass without checking anything.</item>
/// <item><c>ACCOUNTLINKGEN_FUZZ_SEED</c>: the seed of case 0; case <c>n</c> uses seed + n (default 20240620). To
/// replay a reported case, set the seed to the reported one and the cases to 1.</item>
/// <item><c>ACCOUNTLINKGEN_FUZZ_DUMP</c>: a folder; the spec text of every failing case is written there.</item>
/// </list>
/// </remarks>
public sealed class SpecFuzzTests
{
    private const string CasesVariable = "ACCOUNTLINKGEN_FUZZ_CASES";
    private const string SeedVariable = "ACCOUNTLINKGEN_FUZZ_SEED";
    private const int DefaultCases = 300;
    private const int DefaultSeed = 20240620;

    // Only to turn a hang into a reported failure; a healthy case takes well under a second.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Per kind of mutation, the least share of the default run's mutants that must still generate something to call
    /// that compiles clean: today's measured share, less ten points, so a longer run from another seed does not fail
    /// on chance while a generator that turns a kind's mutants into errors does.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, double> AccountLinksFloors = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["alias"] = 0.00, // measured 0.09
        ["deep-nesting"] = 0.00, // measured 0.00
        ["delete-lines"] = 0.18, // measured 0.28
        ["delete-node"] = 0.55, // measured 0.66
        ["duplicate-node"] = 0.00, // measured 0.00
        ["huge-string"] = 0.00, // measured 0.00
        ["inject-chars"] = 0.06, // measured 0.16
        ["invalid-ref"] = 0.45, // measured 0.55
        ["move-node"] = 0.06, // measured 0.16
        ["nasty-enum-value"] = 0.37, // measured 0.47
        ["nasty-value"] = 0.47, // measured 0.57
        ["reindent"] = 0.00, // measured 0.09
        ["rename-key"] = 0.28, // measured 0.38
        ["response-cycle"] = 0.49, // measured 0.59
        ["retype"] = 0.24, // measured 0.34
        ["scalar-swap"] = 0.16, // measured 0.27
        ["swap-keys"] = 0.14, // measured 0.24
        ["syntax-breaker"] = 0.00, // measured 0.09
        ["truncate"] = 0.51, // measured 0.61
    };

    /// <inheritdoc cref="AccountLinksFloors"/>
    private static readonly IReadOnlyDictionary<string, double> ShapesFloors = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["alias"] = 0.00, // measured 0.09
        ["deep-nesting"] = 0.00, // measured 0.00
        ["delete-lines"] = 0.11, // measured 0.22
        ["delete-node"] = 0.43, // measured 0.53
        ["duplicate-node"] = 0.00, // measured 0.00
        ["huge-string"] = 0.00, // measured 0.00
        ["inject-chars"] = 0.06, // measured 0.16
        ["invalid-ref"] = 0.40, // measured 0.50
        ["move-node"] = 0.06, // measured 0.16
        ["nasty-enum-value"] = 0.34, // measured 0.44
        ["nasty-value"] = 0.30, // measured 0.40
        ["reindent"] = 0.02, // measured 0.12
        ["rename-key"] = 0.30, // measured 0.40
        ["retype"] = 0.36, // measured 0.47
        ["scalar-swap"] = 0.16, // measured 0.27
        ["swap-keys"] = 0.14, // measured 0.24
        ["syntax-breaker"] = 0.00, // measured 0.03
        ["truncate"] = 0.49, // measured 0.59
    };

    private static readonly Lazy<CSharpCompilation> Consumer = new(() => GeneratorHarness.ForFragment().CreateCompilation());

    private readonly ITestOutputHelper _output;

    public SpecFuzzTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("account_links")]
    [InlineData("shapes")]
    public void MutatedSpecs_NeverThrow_AndCompileOrExplainWhyNot(string fragment)
    {
        int cases = CaseCount(Environment.GetEnvironmentVariable(CasesVariable));
        int seed = ReadSetting(SeedVariable, Environment.GetEnvironmentVariable(SeedVariable), DefaultSeed);
        string? dump = Environment.GetEnvironmentVariable("ACCOUNTLINKGEN_FUZZ_DUMP");
        string spec = fragment == "shapes" ? Repo.ShapesSpecText : Repo.SpecText;
        var stats = new FuzzStats();
        var failures = new ConcurrentBag<(int Case, string Text)>();
        var clock = Stopwatch.StartNew();

        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, n =>
        {
            int caseSeed = unchecked(seed + n);
            (string text, IReadOnlyList<string> applied) = new SpecMutator(caseSeed).Mutate(spec);
            string? problem = Check(text, stats, out bool cleanAndUseful);
            stats.CountKinds(applied, cleanAndUseful);
            if (problem is not null)
            {
                failures.Add((n, $"case {n} (seed {caseSeed}; mutations: {string.Join(" | ", applied)}): {problem}"));
                if (!string.IsNullOrEmpty(dump))
                {
                    Directory.CreateDirectory(dump);
                    File.WriteAllText(Path.Combine(dump, $"{fragment}.case{n}.seed{caseSeed}.yaml"), text);
                }
            }
        });

        clock.Stop();
        _output.WriteLine($"{cases} cases of {fragment} from seed {seed} in {clock.Elapsed.TotalSeconds:0.0} s");
        _output.WriteLine(stats.Describe(failures.Count));
        var list = failures.OrderBy(f => f.Case).Select(f => f.Text).ToList();
        foreach (string failure in list)
        {
            _output.WriteLine(failure);
        }

        Assert.True(list.Count == 0, $"{list.Count} of {cases} fuzz cases failed:\n" + string.Join("\n", list.Take(40)));
        if (cases >= DefaultCases)
        {
            // Most mutants are small edits a real spec could carry: the generator must keep making useful code of
            // them. A kind whose share of clean, non-empty output drops below its floor is a generator that grew
            // brittle (every such mutant now an error), whatever the diagnostics excuse.
            Assert.Empty(stats.SharesBelow(fragment == "shapes" ? ShapesFloors : AccountLinksFloors));
        }
    }

    /// <summary>The shapes the issue names, each once and at full size, so they run on every build whatever the seed.</summary>
    [Theory]
    [InlineData("deep-nesting", 1)]
    [InlineData("deep-nesting", 2)]
    [InlineData("deep-nesting", 3)]
    [InlineData("deep-nesting", 4)]
    [InlineData("huge-string", 1)]
    [InlineData("huge-string", 2)]
    [InlineData("huge-string", 3)]
    [InlineData("invalid-ref", 1)]
    [InlineData("invalid-ref", 2)]
    [InlineData("response-cycle", 1)]
    [InlineData("response-cycle", 2)]
    [InlineData("response-cycle", 3)]
    [InlineData("response-cycle", 4)]
    [InlineData("alias", 1)]
    public void NamedMutation_NeverThrows_AndCompilesOrExplains(string kind, int seed)
    {
        string text = new SpecMutator(seed).Apply(kind, Repo.SpecText, out string description);

        string? problem = Check(text, new FuzzStats(), out _);

        Assert.True(problem is null, $"{kind} (seed {seed}; {description}): {problem}");
    }

    /// <summary>
    /// Found by the fuzz run: a request parameter whose schema reaches itself through <c>$ref</c> once made the
    /// parser recurse until the stack overflowed, killing the compiler. It must be a diagnostic.
    /// </summary>
    [Fact]
    public void RequestSchemaCycle_IsADiagnostic_NotAStackOverflow()
    {
        string problem = Check(SpecMutator.RequestCycle(Repo.SpecText), new FuzzStats(), out _) ?? string.Empty;

        Assert.Equal(string.Empty, problem);
    }

    /// <summary>
    /// Found by the fuzz run: C# ends a line at U+2028, U+2029 and U+0085 as well as at CR and LF, so a description
    /// holding one must not let the rest of the text out of its <c>///</c> comment.
    /// </summary>
    [Theory]
    [InlineData("\\L")]
    [InlineData("\\P")]
    [InlineData("\\N")]
    public void Description_WithAUnicodeLineBreak_StaysInsideItsDocComment(string yamlEscape)
    {
        string spec = Repo.SpecText.Replace(
            "description: The URL of the account link.",
            "description: \"The URL" + yamlEscape + "public of the account link.\"",
            StringComparison.Ordinal);

        string? problem = Check(spec, new FuzzStats(), out _);

        Assert.True(problem is null, problem);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public void CaseCount_ThatRunsNoCase_IsAnError(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CaseCount(setting));

        Assert.Contains(CasesVariable, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, DefaultCases)]
    [InlineData("", DefaultCases)]
    [InlineData("1", 1)]
    [InlineData("2000", 2000)]
    public void CaseCount_ReadsTheSetting(string? setting, int expected) => Assert.Equal(expected, CaseCount(setting));

    [Fact]
    public void Mutator_IsReproducible()
    {
        string spec = Repo.SpecText;
        for (int seed = 0; seed < 50; seed++)
        {
            Assert.Equal(new SpecMutator(seed).Mutate(spec), new SpecMutator(seed).Mutate(spec), MutationComparer.Instance);
        }
    }

    /// <summary>Runs the generator on one spec; returns why the case fails, or null when it passes.</summary>
    /// <param name="cleanAndUseful">Whether the spec generated something to call (an options class or a service) that compiled with no warning.</param>
    private static string? Check(string specText, FuzzStats stats, out bool cleanAndUseful)
    {
        cleanAndUseful = false;
        using var timeout = new CancellationTokenSource(HangLimit);
        try
        {
            GeneratorDriver driver = GeneratorHarness.ForFragment(specText).CreateDriver()
                .RunGeneratorsAndUpdateCompilation(Consumer.Value, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, timeout.Token);
            var run = new GeneratorRun(driver.GetRunResult(), output, diagnostics);
            if (run.GeneratorException is { } exception)
            {
                stats.Count("exception");
                return $"the generator threw {exception.GetType().Name}: {exception.Message}";
            }

            foreach (string id in run.GeneratorDiagnostics.Select(d => d.Id).Distinct())
            {
                stats.Count("cases with " + id);
            }

            if (run.GeneratorDiagnostics.FirstOrDefault(d => d.Id == "CS8785") is { } crash)
            {
                return "the generator failed: " + crash.GetMessage(CultureInfo.InvariantCulture);
            }

            // ALG0010 is the generator catching its own bug: no spec, however broken, should cause one.
            if (run.GeneratorDiagnostics.FirstOrDefault(d => d.Id == "ALG0010") is { } internalFailure)
            {
                return "the generator failed internally: " + internalFailure.GetMessage(CultureInfo.InvariantCulture);
            }

            // Nothing to call (no options class, no service), or nothing at all: only an error may excuse it. A
            // warning says something was skipped, not that the build may end with nothing.
            bool excused = run.GeneratorDiagnostics.Any(d => d.Id.StartsWith("ALG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
            bool useful = run.Sources.Any(s => s.HintName.EndsWith("Options.g.cs", StringComparison.Ordinal) || s.HintName.EndsWith("Service.g.cs", StringComparison.Ordinal));
            if (!useful)
            {
                bool ignored = !SpecParser.LooksLikeSpec(specText);
                string what = run.Sources.Count == 0 ? "no sources" : "nothing to call";
                stats.Count(excused ? what + ", explained by an error" : ignored ? what + ", not a spec any more" : what + ", unexplained");
                return excused || ignored ? null
                    : $"the spec still looks like one, yet {(run.Sources.Count == 0 ? "nothing was generated" : "no options class or service was generated")} and no ALG error says why"
                      + $" (ALG diagnostics: {string.Join("; ", run.GeneratorDiagnostics.Take(3).Select(Describe))})";
            }

            var compile = output.GetDiagnostics(timeout.Token).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (compile.Count == 0)
            {
                stats.Count("compiled clean");
                cleanAndUseful = true;
                return null;
            }

            foreach (Diagnostic d in compile.DistinctBy(d => d.Id))
            {
                stats.Count($"compile {(d.Severity == DiagnosticSeverity.Error ? "error" : "warning")} {d.Id}");
            }

            var untied = compile.Where(d => DiagnosticTie.Find(d, output, run.GeneratorDiagnostics, specText) is null).ToList();
            if (untied.Count == 0)
            {
                stats.Count("compile diagnostics, each tied to an ALG diagnostic");
                return null;
            }

            string generator = string.Join("; ", run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("ALG", StringComparison.Ordinal)).Take(5).Select(Describe));
            return $"{untied.Count} compiler diagnostic(s) in the generated code that no ALG diagnostic ties to the same spec element: "
                + string.Join("; ", untied.Take(3).Select(d => $"{Describe(d)} [{DiagnosticTie.CodeNames.Of(d, output)?.Describe()}]"))
                + $" (ALG diagnostics: {(generator.Length == 0 ? "none" : generator)})";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            stats.Count("hang");
            return $"the generator or the compilation did not finish within {HangLimit.TotalMinutes} minutes";
        }
    }

    private static string Describe(Diagnostic diagnostic)
    {
        string where = diagnostic.Location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile
            ? Path.GetFileName(diagnostic.Location.GetLineSpan().Path) + ":" + (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture)
            : "?";
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        return $"{diagnostic.Id} at {where}: {(message.Length > 200 ? message.Substring(0, 200) + "…" : message)}";
    }

    /// <summary>The number of cases per fragment from the setting's text; none at all is an error, never a pass.</summary>
    internal static int CaseCount(string? text)
    {
        int cases = ReadSetting(CasesVariable, text, DefaultCases);
        return cases > 0
            ? cases
            : throw new InvalidOperationException($"{CasesVariable}={cases} would run no fuzz case and pass without checking anything; set it to 1 or more (default {DefaultCases}).");
    }

    /// <summary>An integer setting; a value that is set but is no integer fails rather than falling back quietly.</summary>
    private static int ReadSetting(string name, string? text, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidOperationException($"{name}='{text}' is not an integer.");
    }

    /// <summary>Counts outcomes across parallel cases, for the summary the long run prints, and each mutation kind's share of clean, useful output.</summary>
    private sealed class FuzzStats
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, (int Cases, int Clean)> _kinds = new(StringComparer.Ordinal);

        public void Count(string key) => _counts.AddOrUpdate(key, 1, static (_, n) => n + 1);

        /// <summary>Counts one case for each kind of mutation it applied (once per kind), and whether it came out clean and useful.</summary>
        public void CountKinds(IEnumerable<string> applied, bool clean)
        {
            foreach (string kind in applied.Where(a => !a.EndsWith(": skipped, no line to apply it to", StringComparison.Ordinal)).Select(a => a.Substring(0, a.IndexOf(':'))).Distinct())
            {
                _kinds.AddOrUpdate(kind, (1, clean ? 1 : 0), (_, n) => (n.Cases + 1, n.Clean + (clean ? 1 : 0)));
            }
        }

        /// <summary>Each kind whose share of clean, useful output is below its floor (a kind without a floor must have one).</summary>
        public List<string> SharesBelow(IReadOnlyDictionary<string, double> floors) =>
            _kinds.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Where(p => !floors.TryGetValue(p.Key, out double floor) || (double)p.Value.Clean / p.Value.Cases < floor)
                .Select(p => floors.TryGetValue(p.Key, out double floor)
                    ? $"{p.Key}: {p.Value.Clean} of {p.Value.Cases} mutants clean and useful ({(double)p.Value.Clean / p.Value.Cases:P0}), below its floor of {floor:P0}"
                    : $"{p.Key}: no floor set; it measured {(double)p.Value.Clean / p.Value.Cases:0.00}")
                .ToList();

        public string Describe(int failures) =>
            $"failures: {failures}\n" + string.Join("\n", _counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"  {p.Key}: {p.Value}"))
            + "\nclean and useful, by kind of mutation:\n"
            + string.Join("\n", _kinds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"  {p.Key}: {p.Value.Clean} of {p.Value.Cases} ({(double)p.Value.Clean / p.Value.Cases:0.00})"));
    }

    private sealed class MutationComparer : IEqualityComparer<(string Text, IReadOnlyList<string> Applied)>
    {
        public static readonly MutationComparer Instance = new();

        public bool Equals((string Text, IReadOnlyList<string> Applied) x, (string Text, IReadOnlyList<string> Applied) y) =>
            x.Text == y.Text && x.Applied.SequenceEqual(y.Applied);

        public int GetHashCode((string Text, IReadOnlyList<string> Applied) obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
