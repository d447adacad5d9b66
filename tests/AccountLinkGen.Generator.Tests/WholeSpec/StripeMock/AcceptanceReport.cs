using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// The acceptance run as text: a count per outcome and case, the causes that recur, the ALG0004 skips and the
/// requests they explain, then every request that did not end <see cref="Outcome.Complete"/> with its evidence.
/// This list is the work list for the generator.
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

    public static string Full(IReadOnlyList<CaseResult> results, IReadOnlyDictionary<TypeKind, long> compared)
    {
        var text = new StringBuilder(Summary(results));
        text.AppendLine();
        text.AppendLine("Response values compared with the model, by kind: "
            + string.Join(", ", compared.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value.ToString("N0", CultureInfo.InvariantCulture)}")));
        text.AppendLine();
        text.AppendLine("Recurring causes (request-specific names and values replaced by …):");
        foreach (var cause in results.Where(r => r.Outcome != Outcome.Complete)
            .GroupBy(r => $"{Name(r.Outcome)}: {Template(r)}")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {cause.Count(),4} × {cause.Key}");
        }

        text.AppendLine();
        var skips = results.SelectMany(r => r.Skips.Select(s => (Skip: s, r.Case))).GroupBy(s => s.Skip)
            .OrderBy(g => g.Key.OperationId, StringComparer.Ordinal).ThenBy(g => g.Key.Parameter, StringComparer.Ordinal).ToList();
        text.AppendLine(skips.Count == 0
            ? "Skipped by the generator (ALG0004): nothing."
            : "Skipped by the generator (ALG0004), with the cases each one explains:");
        foreach (var skip in skips)
        {
            text.AppendLine($"  {skip.Key.OperationId} {skip.Key.Parameter ?? "(the operation)"} [{string.Join(", ", skip.Select(s => s.Case))}]: {skip.Key.Message}");
        }

        foreach (var group in results.Where(r => r.Outcome != Outcome.Complete).GroupBy(r => r.Outcome).OrderBy(g => g.Key))
        {
            text.AppendLine();
            text.AppendLine($"== {Name(group.Key)} ({group.Count()})");
            foreach (CaseResult result in group.OrderBy(r => r.OperationId, StringComparer.Ordinal).ThenBy(r => r.Case, StringComparer.Ordinal))
            {
                text.AppendLine($"{result.OperationId} [{result.Case}]: {Clean(result.Detail)}");
                if (result.Request.Length > 0 && group.Key is not Outcome.Mismatch)
                {
                    string request = result.Request.Length > RequestExcerpt ? result.Request.Substring(0, RequestExcerpt) + "…" : result.Request;
                    text.AppendLine($"    sent: {request}");
                }
            }
        }

        return text.ToString();
    }

    private static string Name(Outcome outcome) => outcome switch
    {
        Outcome.Complete => "accepted+complete",
        Outcome.Unsent => "accepted+unsent-parameters",
        Outcome.NotAsSet => "accepted+not-as-set",
        Outcome.Mismatch => "accepted+mismatch",
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
        if (result.Outcome == Outcome.Unsent)
        {
            return string.Join("; ", result.Unsent.Select(g => g.Reason).Distinct().OrderBy(s => s, StringComparer.Ordinal));
        }

        string detail = Clean(result.Detail);
        int notes = detail.IndexOf(" [", StringComparison.Ordinal);
        detail = notes >= 0 ? detail.Substring(0, notes) : detail;
        if (result.Outcome == Outcome.Mismatch)
        {
            // One entry per kind of difference, wherever it is and whatever the values.
            detail = string.Join("; ", detail.Split("; ")
                .Select(d => Regex.Replace(Regex.Replace(d, @"^[^:]*: ", string.Empty), @"""(?:[^""\\]|\\.)*""|-?\d+(?:\.\d+)?", "…"))
                .Distinct().OrderBy(s => s, StringComparer.Ordinal));
        }

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
