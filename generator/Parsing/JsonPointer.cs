using System;
using System.Collections.Generic;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>JSON pointers into a spec (<c>#/paths/~1v1~1account_links/post</c>), as diagnostics name nodes.</summary>
internal static class JsonPointer
{
    public const string Root = "#";

    /// <summary>A key as one pointer segment: <c>~</c> and <c>/</c> escaped.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>A pointer in one spelling: starting with <c>#/</c> (or just <c>#</c>), without a trailing <c>/</c>.</summary>
    public static string Normalize(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return Root;
        }

        string p = pointer!;
        if (!p.StartsWith(Root, StringComparison.Ordinal))
        {
            p = Root + (p.StartsWith("/", StringComparison.Ordinal) ? p : "/" + p);
        }

        return p.TrimEnd('/');
    }

    /// <summary>The keys (or list indexes) a pointer names, unescaped, from the document's root down.</summary>
    public static IEnumerable<string> Segments(string? pointer)
    {
        string normalized = Normalize(pointer);
        if (normalized.Length <= Root.Length)
        {
            yield break;
        }

        foreach (string raw in normalized.Substring(Root.Length + 1).Split('/'))
        {
            yield return raw.Replace("~1", "/").Replace("~0", "~");
        }
    }
}
