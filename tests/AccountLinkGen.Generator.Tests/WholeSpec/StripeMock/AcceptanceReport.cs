using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// The acceptance run as text: a count per outcome and case, the causes that recur, then every request that did
/// not end <see cref="Outcome.Complete"/> with its evidence. This list is the work list for the generator.
/// </summary>
internal static class AcceptanceReport
{
    private const int RequestExcerpt = 400;

    public static int Count(IEnumerable<CaseResult> results, string @case, Outcome outcome) =>
        results.Count(r => r.Case == @case && r.Outcome == outcome);

    /// <summary>One line per case, for the CI log.</summary>
    public static string Summary(IReadOnlyList<CaseResult> results)
    {
        var text = new StringBuilder();
        int operations = results.Select(r => r.OperationId).Distinct().Count();
        text.AppendLine($"stripe-mock acceptance, {operations} operations of the 2023-09-12 spec:");
        foreach (string @case in AcceptanceRunner.Cases)
        {
            text.Append($"  {@case,-8}");
            foreach (Outcome outcome in Enum.GetValues<Outcome>())
            {
                text.Append($" {Name(outcome)} {Count(results, @case, outcome)},");
            }

            text.Length--;
            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Full(IReadOnlyList<CaseResult> results)
    {
        var text = new StringBuilder(Summary(results));
        text.AppendLine();
        text.AppendLine("Recurring causes (request-specific names replaced by …):");
        foreach (var cause in results.Where(r => r.Outcome != Outcome.Complete)
            .GroupBy(r => $"{Name(r.Outcome)}: {Template(r)}")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {cause.Count(),4} × {cause.Key}");
        }

        text.AppendLine();
        text.AppendLine("Harness notes, all outcomes (what the generated options could not carry):");
        foreach (var note in results.SelectMany(r => Notes(r.Detail).Select(n => (Note: n, r.OperationId)))
            .GroupBy(n => Regex.Replace(n.Note, @"^[^:]*: ", "…: "))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {note.Count(),4} × {note.Key} ({note.Select(n => n.OperationId).Distinct().Count()} operations)");
        }

        foreach (var group in results.Where(r => r.Outcome != Outcome.Complete).GroupBy(r => r.Outcome).OrderBy(g => g.Key))
        {
            text.AppendLine();
            text.AppendLine($"== {Name(group.Key)} ({group.Count()})");
            foreach (CaseResult result in group.OrderBy(r => r.OperationId, StringComparer.Ordinal).ThenBy(r => r.Case, StringComparer.Ordinal))
            {
                text.AppendLine($"{result.OperationId} [{result.Case}]: {Clean(result.Detail)}");
                if (result.Request.Length > 0 && group.Key is not Outcome.Dropped)
                {
                    string request = result.Request.Length > RequestExcerpt ? result.Request.Substring(0, RequestExcerpt) + "…" : result.Request;
                    text.AppendLine($"    sent: {request}");
                }
            }
        }

        text.AppendLine();
        text.AppendLine("== harness notes by request, all outcomes");
        foreach (CaseResult result in results.Where(r => Notes(r.Detail).Any()).OrderBy(r => r.OperationId, StringComparer.Ordinal).ThenBy(r => r.Case, StringComparer.Ordinal))
        {
            var byKind = Notes(result.Detail).Select(n => n.Split(": ", 2)).GroupBy(n => n.Length > 1 ? n[1] : string.Empty);
            text.AppendLine($"{result.OperationId} [{result.Case}]: " + string.Join("; ", byKind.Select(g => $"{string.Join(", ", g.Select(n => n[0]))}: {g.Key}")));
        }

        return text.ToString();
    }

    private static IEnumerable<string> Notes(string detail)
    {
        Match notes = Regex.Match(detail, @"\[harness: (.*)\]$");
        return notes.Success ? notes.Groups[1].Value.Split("; ") : Enumerable.Empty<string>();
    }

    private static string Name(Outcome outcome) => outcome switch
    {
        Outcome.Complete => "accepted+complete",
        Outcome.Dropped => "accepted+dropped",
        Outcome.Unreadable => "accepted+unreadable",
        Outcome.Rejected => "rejected",
        Outcome.RefusedByValidation => "refused-by-Validate",
        Outcome.Exception => "exception",
        Outcome.NotGenerated => "not-generated",
        _ => outcome.ToString(),
    };

    /// <summary>stripe-mock names its validator by memory address; that differs per run and says nothing.</summary>
    private static string Clean(string detail) => Regex.Replace(detail, @"validator 0x[0-9a-f]+ failed: ", string.Empty);

    private static string Template(CaseResult result)
    {
        string detail = Clean(result.Detail);
        if (result.Outcome == Outcome.Dropped)
        {
            // One entry per way of losing data.
            return string.Join(", ", Regex.Matches(detail, @"\(([^)]*)\)").Select(m => m.Groups[1].Value).Distinct().OrderBy(s => s, StringComparer.Ordinal));
        }

        int harness = detail.IndexOf(" [harness:", StringComparison.Ordinal);
        detail = harness >= 0 ? detail.Substring(0, harness) : detail;
        if (result.Outcome == Outcome.RefusedByValidation)
        {
            // One entry per kind of problem, whichever parameters had it.
            detail = string.Join("; ", detail.Split("; ").Select(p => Regex.Replace(p, @"^[^:]+: '[^']*'", "…")).Distinct());
        }

        detail = Regex.Replace(detail, @"'[^']*'", "'…'");
        detail = Regex.Replace(detail, @"""[^""]*""", "\"…\"");
        detail = Regex.Replace(detail, @"\b[a-z_]+(\[[a-z_0-9]+\])+", "…");
        return detail.Length > 200 ? detail.Substring(0, 200) + "…" : detail;
    }
}
