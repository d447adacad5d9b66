using System;
using System.Collections.Generic;
using System.Linq;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// An operation exempt from "accepted and complete", and exactly how it falls short: the outcome every case of it
/// must end with, and text the result's detail must contain. Any other outcome fails, and so does passing.
/// </summary>
/// <param name="Detail">Text the result's detail must contain, such as the reader's message.</param>
/// <param name="Reason">Why it cannot pass, for the failure message and the reader of the list.</param>
internal sealed record Shortfall(Outcome Outcome, string Detail, string Reason)
{
    /// <summary>
    /// What in <paramref name="results"/> breaks the rules: a result short of <see cref="Outcome.Complete"/> that no
    /// exemption names, an exempt operation that falls short in another way than stated or not at all, and an
    /// exemption for an operation that did not run.
    /// </summary>
    public static List<string> Violations(IReadOnlyList<CaseResult> results, IReadOnlyDictionary<string, Shortfall> exemptions)
    {
        var violations = new List<string>();
        foreach (CaseResult result in results)
        {
            string at = $"{result.OperationId} [{result.Case}]";
            if (!exemptions.TryGetValue(result.OperationId, out Shortfall? exempt))
            {
                if (result.Outcome != Outcome.Complete)
                {
                    violations.Add($"{at}: {result.Outcome}: {result.Detail}");
                }
            }
            else if (result.Outcome == Outcome.Complete)
            {
                violations.Add($"{at}: exempt as {exempt.Outcome} ({exempt.Reason}), but it is now accepted and complete: remove the exemption.");
            }
            else if (result.Outcome != exempt.Outcome || !result.Detail.Contains(exempt.Detail, StringComparison.Ordinal))
            {
                violations.Add($"{at}: exempt as {exempt.Outcome} with '{exempt.Detail}' ({exempt.Reason}), but it ended {result.Outcome}: {result.Detail}");
            }
        }

        foreach (string operationId in exemptions.Keys.Where(id => results.All(r => r.OperationId != id)).OrderBy(id => id, StringComparer.Ordinal))
        {
            violations.Add($"{operationId}: exempt, but no such operation ran: remove the exemption.");
        }

        return violations;
    }
}
