using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using AccountLinkGen.Generator.Helpers;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// Spec prose in doc comments: Markdown becomes doc markup, everything else is escaped text, and whatever the input,
/// the result is well-formed XML with no Markdown code span or link left.
/// </summary>
public sealed class DocMarkupTests
{
    [Theory]
    [InlineData("Use `collection_options` instead.", "Use <c>collection_options</c> instead.")]
    [InlineData("See [the guide](https://stripe.com/docs/connect).", "See <see href=\"https://stripe.com/docs/connect\">the guide</see>.")]
    [InlineData("[Connect](/docs/connect) and [API](docs/api)", "<see href=\"https://stripe.com/docs/connect\">Connect</see> and <see href=\"https://stripe.com/docs/api\">API</see>")]
    [InlineData("[a `code` link](https://x.test/a_(b)?c=1&d=2 \"title\")", "<see href=\"https://x.test/a_(b)?c=1&amp;d=2\">a <c>code</c> link</see>")]
    [InlineData("the [scheduled query](#scheduled_queries)", "the scheduled query")]
    [InlineData("**NOTE:** amounts in *cents*", "<b>NOTE:</b> amounts in <i>cents</i>")]
    [InlineData("account_onboarding and _that_ one", "<c>account_onboarding</c> and <i>that</i> one")]
    [InlineData("collects future_requirements, or payment_intent.succeeded.", "collects <c>future_requirements</c>, or <c>payment_intent.succeeded</c>.")]
    [InlineData("see https://x.test/some_path or a/b_c", "see https://x.test/some_path or a/b_c")]
    [InlineData("snake_ and _case and 3d_secure", "snake_ and _case and 3d_secure")]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("not `<`, `>`, `&` or `\"`", "not <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> or <c>\"</c>")]
    [InlineData("an unclosed ` backtick", "an unclosed ` backtick")]
    [InlineData("``a ` b``", "<c>a ` b</c>")]
    [InlineData("escaped \\`tick\\` and \\*star\\*", "escaped `tick` and *star*")]
    [InlineData("bare https://stripe.com/docs stays", "bare https://stripe.com/docs stays")]
    [InlineData("[text] without a target", "[text] without a target")]
    [InlineData("a < b & c", "a &lt; b &amp; c")]
    public void Converts_documented_cases(string markdown, string expected) => Assert.Equal(expected, DocMarkup.ToXml(markdown));

    [Theory]
    [InlineData("The collect parameter is deprecated. Use `collection_options` instead.", "The collect parameter is deprecated. Use collection_options instead.")]
    [InlineData("See [the guide](/docs/connect) & **this** <one>.", "See the guide & this <one>.")]
    public void PlainText_KeepsTheWords_WithoutTheMarkup(string markdown, string expected) => Assert.Equal(expected, DocMarkup.ToPlainText(markdown));

    [Fact]
    public void Lines_KeepSpansThatCrossALineBreak_AndWrapBetweenTagsOnly()
    {
        string text = "Run a [verification\ncheck](/docs/identity/verification-checks) with `code\nspan` " + string.Join(" ", Enumerable.Repeat("word", 40))
            + " [a link whose text is long enough to wrap](https://stripe.com/docs/a/very/long/path/that/does/not/fit/on/the/rest/of/the/line).";

        List<string> lines = DocText.Lines(text).ToList();

        Assert.All(lines, line => Assert.True(line.Length <= 140, line));
        Assert.Contains(lines, l => l.EndsWith("<see href=\"https://stripe.com/docs/identity/verification-checks\">verification", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("<c>code span</c>", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.EndsWith("<see", StringComparison.Ordinal));
        Assert.Equal("Run a verification check with code span", Plain(lines).Substring(0, 39));
    }

    [Fact]
    public void AnyText_BecomesWellFormedXml_WithNoCodeSpanOrLinkLeft()
    {
        const string Alphabet = "ab `[]()*_\\<>&\"'#/:. \n";
        var random = new Random(20250611);
        var failures = new List<string>();
        for (int n = 0; n < 20_000 && failures.Count < 5; n++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 30);
            for (int i = 0; i < length; i++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            string input = builder.ToString();
            try
            {
                Plain(DocText.Lines(input).ToList());
            }
            catch (System.Xml.XmlException e)
            {
                failures.Add($"{Escape(input)}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void WellFormedMarkdown_LeavesNoBacktickOrLinkSyntax()
    {
        string[] inputs =
        {
            "`a` and `b`", "[x](https://y.test) then `z`", "**bold `code`** and [`link`](/docs)", "a `b\nc` d",
        };

        foreach (string input in inputs)
        {
            string xml = string.Join("\n", DocText.Lines(input));
            Assert.DoesNotContain("`", xml);
            Assert.DoesNotContain("](", xml);
            Assert.DoesNotContain("**", xml);
        }
    }

    /// <summary>The lines as one XML fragment's text: throws when it is not well-formed.</summary>
    private static string Plain(List<string> lines) =>
        XElement.Parse("<summary>" + string.Join("\n", lines) + "</summary>").Value.Replace('\n', ' ');

    private static string Escape(string text) => "\"" + text.Replace("\n", "\\n") + "\"";
}
