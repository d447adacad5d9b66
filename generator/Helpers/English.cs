namespace AccountLinkGen.Generator.Helpers;

/// <summary>The bits of English grammar the generated prose needs.</summary>
internal static class English
{
    /// <summary>
    /// <c>a</c> or <c>an</c> before <paramref name="word"/>, by how the word is said rather than spelled where that
    /// is plain: <c>an AccountLink</c>, <c>an hour</c>, <c>a UsBankAccount</c>, <c>a one-time</c>. A leading run of
    /// capitals is read letter by letter (<c>an SMS</c>, <c>a PDF</c>).
    /// </summary>
    public static string Article(string word)
    {
        if (word.Length == 0)
        {
            return "a";
        }

        if (word.Length > 1 && char.IsUpper(word[0]) && char.IsUpper(word[1]))
        {
            // An initialism: said letter by letter, so F, H, L, M, N, R, S and X take "an" too.
            return "AEFHILMNORSX".IndexOf(word[0]) >= 0 ? "an" : "a";
        }

        string lower = word.ToLowerInvariant();
        if (lower[0] == '8')
        {
            return "an";
        }

        if (StartsWithAny(lower, "hour", "honest", "honor", "honour", "heir"))
        {
            return "an";
        }

        if (StartsWithAny(lower, "uni", "use", "usa", "usu", "uti", "ure", "uri", "uro", "ubi", "eu", "ewe", "once")
            || IsWord(word, lower, "one") || IsWord(word, lower, "us"))
        {
            // Said with a "y" or "w" sound: a user, a unique id, a European bank, a one-time code, a US bank account.
            return "a";
        }

        return "aeiou".IndexOf(lower[0]) >= 0 ? "an" : "a";
    }

    /// <summary><paramref name="word"/> with its article before it: <c>an AccountLink</c>.</summary>
    public static string WithArticle(string word) => Article(word) + " " + word;

    /// <summary>Joins items as a sentence lists them: <c>a</c>, <c>a and b</c>, <c>a, b or c</c>.</summary>
    public static string List(System.Collections.Generic.IReadOnlyList<string> items, string conjunction)
    {
        if (items.Count <= 1)
        {
            return items.Count == 0 ? string.Empty : items[0];
        }

        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i == items.Count - 1 ? " " + conjunction + " " : ", ");
            }

            builder.Append(items[i]);
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="word"/> starts with <paramref name="prefix"/> as a word of its own (<c>OneTime</c>, <c>one_time</c>; not <c>onerous</c>).</summary>
    private static bool IsWord(string word, string lower, string prefix) =>
        lower.StartsWith(prefix, System.StringComparison.Ordinal) && (word.Length == prefix.Length || !char.IsLower(word[prefix.Length]));

    private static bool StartsWithAny(string lower, params string[] prefixes)
    {
        foreach (string prefix in prefixes)
        {
            if (lower.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
