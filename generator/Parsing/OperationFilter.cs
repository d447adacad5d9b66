using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Which operations of a spec to generate: operationIds (<c>PostAccountLinks</c>) and path globs
/// (<c>/v1/customers/**</c>: <c>*</c> within one segment, <c>**</c> across segments), separated by <c>,</c>,
/// <c>;</c> or new lines. Through MSBuild every entry arrives separated by <c>,</c>: the build targets turn
/// <c>;</c> and white space into <c>,</c>, because the compiler cuts an option value at its first <c>;</c>.
/// An empty filter keeps every operation.
/// </summary>
internal sealed class OperationFilter
{
    private static readonly Regex OperationId = new("^[A-Za-z_][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex PathGlob = new(@"^/[A-Za-z0-9_.{}*/-]*$", RegexOptions.CultureInvariant);

    private static readonly char[] Separators = { ',', ';', '\r', '\n' };

    private readonly List<Entry> _entries = new();

    private OperationFilter()
    {
    }

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Parses the filter; entries that are neither an operationId nor a path glob go to <paramref name="invalid"/>.</summary>
    public static OperationFilter Parse(string? text, List<string> invalid)
    {
        var filter = new OperationFilter();
        if (string.IsNullOrWhiteSpace(text))
        {
            return filter;
        }

        foreach (string raw in text!.Split(Separators, StringSplitOptions.None))
        {
            string entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (entry.StartsWith("/", StringComparison.Ordinal) && PathGlob.IsMatch(entry))
            {
                filter._entries.Add(new Entry(entry, GlobToRegex(entry)));
            }
            else if (OperationId.IsMatch(entry))
            {
                filter._entries.Add(new Entry(entry, null));
            }
            else
            {
                invalid.Add(entry);
            }
        }

        return filter;
    }

    /// <summary>Whether an operation is kept; records which entries matched something.</summary>
    public bool Matches(string? operationId, string path, HashSet<string> used)
    {
        if (IsEmpty)
        {
            return true;
        }

        bool matched = false;
        foreach (Entry entry in _entries)
        {
            bool hit = entry.Glob is null
                ? string.Equals(entry.Text, operationId, StringComparison.Ordinal)
                : entry.Glob.IsMatch(path);
            if (hit)
            {
                used.Add(entry.Text);
                matched = true;
            }
        }

        return matched;
    }

    public IEnumerable<string> Entries
    {
        get
        {
            foreach (Entry entry in _entries)
            {
                yield return entry.Text;
            }
        }
    }

    private static Regex GlobToRegex(string glob)
    {
        string pattern = Regex.Escape(glob).Replace(@"\*\*", "\u0001").Replace(@"\*", "[^/]*").Replace("\u0001", ".*");
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }

    private sealed class Entry
    {
        public Entry(string text, Regex? glob)
        {
            Text = text;
            Glob = glob;
        }

        public string Text { get; }

        public Regex? Glob { get; }
    }
}
