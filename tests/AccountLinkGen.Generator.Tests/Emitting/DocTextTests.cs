using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Helpers;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// <see cref="DocText.Normalize"/> is a hand-written single pass; these compare it with the rules written the
/// obvious way (two regular expressions), on random text made of the characters that matter.
/// </summary>
public sealed class DocTextTests
{
    private static readonly Regex Tags = new("<[A-Za-z/!][^>]*>", RegexOptions.CultureInvariant);
    private static readonly Regex Spaces = new(@"[ \t]+", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("<p>Hello <b>world</b></p>", "Hello world")]
    [InlineData("a <> b < c", "a <> b < c")]
    [InlineData("line one\r\n  line   two\t\tend  \r\rthree", "line one\nline two end\n\nthree")]
    [InlineData("a\u2028b\u0085c\u2029d", "a\nb\nc\nd")]
    [InlineData("  \u00a0 padded \u00a0 ", "padded")]
    [InlineData("<a\nhref='x'>link</a> text", "link text")]
    [InlineData("may not include `<`, `>` or `\\`", "may not include `<`, `>` or `\\`")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    public void Normalizes_documented_cases(string input, string expected) =>
        Assert.Equal(expected, DocText.Normalize(input));

    [Fact]
    public void Matches_the_regular_expression_rules_on_random_text_and_is_idempotent()
    {
        const string Alphabet = "ab <>/!\t\r\n\u0085\u2028\u2029\u00a0x=\"'";
        var random = new Random(20241126);
        var failures = new List<string>();
        for (int n = 0; n < 20_000 && failures.Count < 5; n++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 40);
            for (int i = 0; i < length; i++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            string input = builder.ToString();
            string expected = Reference(input);
            string actual = DocText.Normalize(input);
            if (expected != actual || DocText.Normalize(actual) != actual)
            {
                failures.Add($"{Escape(input)} → expected {Escape(expected)}, got {Escape(actual)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Reference(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        string plain = text;
        for (string stripped = Tags.Replace(plain, string.Empty); stripped != plain; stripped = Tags.Replace(plain, string.Empty))
        {
            plain = stripped;
        }

        plain = plain.Replace("\r\n", "\n").Replace('\r', '\n')
            .Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');
        var lines = new List<string>();
        foreach (string line in plain.Split('\n'))
        {
            lines.Add(Spaces.Replace(line, " ").Trim());
        }

        return string.Join("\n", lines).Trim();
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            builder.Append(c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return builder.Append('"').ToString();
    }
}
