using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace AccountLinkGen.Generator.Tests.Fuzzing;

// Lines: picking lines at random and reading a YAML block from its indentation.
internal sealed partial class SpecMutator
{
    private int PickKeyLine(List<string> lines) =>
        PickLine(lines, l => Regex.IsMatch(l, @"^\s*[^\s#\-][^:]*:(\s|$)"));

    private int PickLine(List<string> lines, Func<string, bool> predicate)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => predicate(lines[i])).ToList();
        return candidates.Count > 0 ? candidates[_random.Next(candidates.Count)] : throw new NoCandidateException();
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    /// <summary>The index after the node that starts at <paramref name="line"/>: its more-indented lines follow it.</summary>
    private static int BlockEnd(List<string> lines, int line)
    {
        int indent = Indent(lines[line]);
        int end = line + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) > indent || (Indent(lines[end]) == indent && lines[end].TrimStart().StartsWith("- ", StringComparison.Ordinal) && !lines[line].TrimStart().StartsWith("- ", StringComparison.Ordinal))))
        {
            end++;
        }

        return end;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static string KeyOf(string line)
    {
        int colon = line.IndexOf(':');
        return colon < 0 ? line.Trim() : line.Substring(0, colon).Trim();
    }

    private static string Reindent(string line, int shift) =>
        shift >= 0 ? new string(' ', shift) + line : line.Substring(Math.Min(-shift, Indent(line)));

    private static string Join(List<string> lines) => string.Join("\n", lines);

    private sealed class NoCandidateException : Exception
    {
    }
}
