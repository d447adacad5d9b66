using System;
using System.Collections.Generic;
using System.Text;

namespace AccountLinkGen.Generator.Tests.Support;

/// <summary>A short, readable line diff for snapshot failures.</summary>
internal static class TextDiff
{
    /// <summary>Null when equal; else the first differing region with a few lines of context.</summary>
    public static string? Describe(string name, string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        string[] e = expected.Replace("\r\n", "\n").Split('\n');
        string[] a = actual.Replace("\r\n", "\n").Split('\n');
        int first = 0;
        while (first < e.Length && first < a.Length && e[first] == a[first])
        {
            first++;
        }

        int tailE = e.Length - 1;
        int tailA = a.Length - 1;
        while (tailE > first && tailA > first && e[tailE] == a[tailA])
        {
            tailE--;
            tailA--;
        }

        var text = new StringBuilder();
        text.AppendLine($"{name} differs from its snapshot at line {first + 1} (- snapshot, + generated):");
        for (int i = Math.Max(0, first - 2); i < first; i++)
        {
            text.AppendLine("  " + e[i]);
        }

        AppendRange(text, '-', e, first, Math.Min(tailE, first + 15));
        AppendRange(text, '+', a, first, Math.Min(tailA, first + 15));
        return text.ToString();
    }

    private static void AppendRange(StringBuilder text, char marker, IReadOnlyList<string> lines, int from, int to)
    {
        for (int i = from; i <= to && i < lines.Count; i++)
        {
            text.Append(marker).Append(' ').AppendLine(lines[i]);
        }
    }
}
