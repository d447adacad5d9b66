using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using System.Text;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Forms;

/// <summary>
/// The writer's own paths: the scan for characters to escape, names, buffers that start small and grow, and pooled
/// buffers reused across writers. Each output is compared with a plain reference encoder written from the rules, not
/// with stored strings.
/// </summary>
public sealed class FormWriterTests
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()[]";

    [Fact]
    public void Every_ascii_character_at_every_position_of_short_and_long_values_encodes_as_the_rules_say()
    {
        // Short values, and values long enough for the BCL's scan to take whole vectors before and after the character.
        for (int c = 0; c < 0x80; c++)
        {
            foreach (int length in new[] { 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 40 })
            {
                for (int position = 0; position < length; position++)
                {
                    string value = new string('a', position) + (char)c + new string('b', length - position - 1);
                    Assert.Equal(Reference(value), FormWriter.Encode(value));
                }
            }
        }
    }

    [Fact]
    public void The_netstandard20_build_encodes_every_value_like_the_rules_say()
    {
        // Only the .NET 10 runtime is installed, but the netstandard2.0 build runs on it: loaded on its own, its
        // Encode takes the portable paths (no SearchValues, no Rune, the switch instead of the table stores).
        string path = Path.Combine(AppContext.BaseDirectory, "netstandard2.0", "AccountLinkGen.Runtime.dll");
        Assert.True(File.Exists(path), $"The netstandard2.0 build of the runtime is not at {path}.");
        var context = new AssemblyLoadContext("netstandard2.0 runtime", isCollectible: true);
        try
        {
            Assembly portable = context.LoadFromAssemblyPath(path);
            Assert.Equal(".NETStandard,Version=v2.0", portable.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
            var encode = (Func<string, string>)portable.GetType("AccountLinkGen.FormWriter", throwOnError: true)!
                .GetMethod("Encode", BindingFlags.Static | BindingFlags.NonPublic, binder: null, new[] { typeof(string) }, modifiers: null)!
                .CreateDelegate(typeof(Func<string, string>));

            var values = new List<string> { "", " ", "\u00e9", "\u4e2d\u6587", "\U0001F600", "\ud83d", "\ude00x", "https://example.com/a b?c=d&e=\u00e9" };
            for (int c = 0; c < 0x80; c++)
            {
                foreach (int length in new[] { 1, 17, 40 })
                {
                    values.Add(new string('a', length / 2) + (char)c + new string('b', length - (length / 2) - 1));
                }
            }

            foreach (string value in values)
            {
                Assert.Equal(Reference(value), encode(value));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Every_pattern_of_escaped_and_literal_characters_in_a_block_of_sixteen_encodes_as_the_rules_say()
    {
        // Each of the 65 536 escape patterns of one 16-char block, behind a prefix of 0 to 3 chars so blocks
        // start at different offsets and leave tails; the chars vary so both ends of each class are covered.
        const string Literals = "aZ09-_.!*()[] zA";
        const string Escaped = "%/:~\0\u007f\"#&+=?@\\^`{";
        var chars = new char[16 + 3 + 5];
        for (int pattern = 0; pattern < 0x10000; pattern++)
        {
            int prefix = pattern & 3;
            for (int i = 0; i < prefix; i++)
            {
                chars[i] = 'p';
            }

            for (int i = 0; i < 16; i++)
            {
                int pick = (pattern >> 4) + i;
                chars[prefix + i] = (pattern & (1 << i)) != 0 ? Escaped[pick % Escaped.Length] : Literals[pick % Literals.Length];
            }

            string value = new string(chars, 0, prefix + 16 + (pattern % 6));
            Assert.Equal(Reference(value), FormWriter.Encode(value));
        }
    }

    [Theory]
    [InlineData("\u00e9")]
    [InlineData("\u4e2d\u6587")]
    [InlineData("\U0001F600")]
    [InlineData("\ud83d")]
    [InlineData("\ude00x")]
    public void Non_ascii_characters_encode_as_utf8_in_short_and_long_values(string text)
    {
        foreach (string value in new[] { text, "a b" + text, new string('x', 20) + text + " tail", text + new string('y', 30) })
        {
            Assert.Equal(Reference(value), FormWriter.Encode(value));
        }
    }

    [Fact]
    public void Names_are_encoded_like_values_at_the_top_and_when_nested()
    {
        var writer = FormWriter.Create();
        writer.Write(FormEncodedText.Encode("a b\u00e9"), "1");
        int mark = writer.PushKey(FormEncodedText.Encode("n&m"));
        writer.Write(FormEncodedText.Encode("k=\U0001F600"), "2");
        writer.PopKey(mark);
        writer.Write(FormEncodedText.Encode("plain"), "3");

        Assert.Equal(
            $"{Reference("a b\u00e9")}=1&{Reference("n&m")}[{Reference("k=\U0001F600")}]=2&plain=3",
            writer.ToStringAndDispose());
    }

    [Theory]
    [InlineData("account")]
    [InlineData("a b\u00e9")]
    [InlineData("k=\U0001F600&x")]
    [InlineData("[brackets]")]
    public void Every_overload_writes_its_encoded_name_at_the_top_and_nested_as_the_rules_say(string name)
    {
        var encoded = FormEncodedText.Encode(name);
        Assert.Equal(Reference(name), encoded.Value);

        // Each overload at the top and nested two levels down, in small buffers so both grow on the way; the
        // expected body is built pair by pair from the rules.
        var writer = FormWriter.Create(2, 2);
        var pairs = new List<string>();
        string key = string.Empty;
        for (int depth = 0; depth < 3; depth++)
        {
            string leaf = depth == 0 ? Reference(name) : key + Nested(name);
            writer.Write(encoded, "v a");
            pairs.Add(leaf + "=v+a");
            writer.Write(encoded, (string?)null);
            writer.Write(encoded, -42L);
            pairs.Add(leaf + "=-42");
            writer.Write(encoded, 1.50m);
            pairs.Add(leaf + "=1.50");
            writer.Write(encoded, false);
            pairs.Add(leaf + "=false");
            writer.Write(encoded, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
            pairs.Add(leaf + "=1700000000");
            writer.Write(encoded, (long?)null);
            writer.WriteList(encoded, new[] { "x", null, "y" });
            pairs.Add(leaf + "[0]=x");
            pairs.Add(leaf + "[2]=y");
            writer.WriteList(encoded, Array.Empty<string>());
            pairs.Add(leaf + "=");
            writer.WriteMap(encoded, new Dictionary<string, string> { ["k k"] = "v&v" });
            pairs.Add(leaf + "[k+k]=v%26v");
            writer.WriteObject(encoded, new Leaf());
            pairs.Add(leaf + "[leaf]=1");
            writer.WriteObjectMap(encoded, new Dictionary<string, Leaf> { ["k k"] = new Leaf(), ["skipped"] = null!, ["a[b]"] = new Leaf() });
            pairs.Add(leaf + "[k+k][leaf]=1");
            pairs.Add(leaf + "[a][b][leaf]=1");
            writer.WriteObjectMap(encoded, new Dictionary<string, Leaf>());
            writer.WriteObjectMap(encoded, (Dictionary<string, Leaf>?)null);
            writer.PushKey(encoded);
            key = leaf;
        }

        string body = writer.ToStringAndDispose();
        Assert.Contains(Reference(name) + Nested(name) + Nested(name) + "[0]=x", body);
        Assert.EndsWith(Reference(name) + Nested(name) + Nested(name) + "[a][b][leaf]=1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", body);
        Assert.Equal(string.Join("&", pairs), body);
    }

    /// <summary>A nested name as Stripe.net writes it: bracketed, with the bracket closed before its first '['.</summary>
    private static string Nested(string name)
    {
        int bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? "[" + Reference(name) + "]"
            : "[" + Reference(name.Substring(0, bracket)) + "]" + Reference(name.Substring(bracket));
    }

    [Theory]
    [InlineData("a[b]", "metadata[a][b]=1")]
    [InlineData("a[b][c]", "metadata[a][b][c]=1")]
    [InlineData("a]", "metadata[a]]=1")]
    [InlineData("[", "metadata[][=1")]
    [InlineData("x y[\u00e9]", "metadata[x+y][%C3%A9]=1")]
    public void A_nested_name_with_a_bracket_carries_its_own_path_like_StripeNet_sends_it(string name, string expected)
    {
        name = System.Text.RegularExpressions.Regex.Unescape(name);
        var encoded = FormEncodedText.Encode(name);
        var k = FormEncodedText.Encode("k");
        var writer = FormWriter.Create(4, 4);
        int mark = writer.PushKey(FormEncodedText.Encode("metadata"));
        writer.Write(encoded, "1");
        writer.WriteMap(FormEncodedText.Encode("inner"), new Dictionary<string, string> { [name] = "1" });
        writer.WriteObjectMap(FormEncodedText.Encode("objects"), new Dictionary<string, Leaf> { [name] = new Leaf() });
        int nested = writer.PushKey(encoded);
        writer.Write(k, "1");
        writer.PopKey(nested);
        writer.PopKey(mark);

        string inner = expected.Replace("metadata[", "metadata[inner][", StringComparison.Ordinal);
        string objects = expected.Replace("metadata[", "metadata[objects][", StringComparison.Ordinal);
        objects = objects.Substring(0, objects.Length - 2) + "[leaf]=1";
        string deeper = expected.Substring(0, expected.Length - 2) + "[k]=1";
        Assert.Equal(string.Join("&", expected, inner, objects, deeper), writer.ToStringAndDispose());
    }

    [Fact]
    public void A_default_encoded_name_is_refused_with_a_clear_message_and_null_names_cannot_be_encoded()
    {
        var writer = FormWriter.Create();
        try
        {
            InvalidOperationException error = null!;
            try
            {
                writer.Write(default(FormEncodedText), "v");
            }
            catch (InvalidOperationException caught)
            {
                error = caught;
            }

            Assert.NotNull(error);
            Assert.Contains("FormEncodedText.Encode", error.Message);
            Assert.Equal(0, writer.WrittenSpan.Length);
        }
        finally
        {
            writer.Dispose();
        }

        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => FormEncodedText.Encode(null!)).ParamName);
        Assert.Equal("a+b", FormEncodedText.Encode("a b").Value);
        Assert.Contains("FormEncodedText.Encode", Assert.Throws<InvalidOperationException>(() => default(FormEncodedText).Value).Message);
    }

    /// <summary>A nested object with one value, for <see cref="FormWriter.WriteObject{T}(FormEncodedText, T)"/>.</summary>
    private sealed class Leaf : IFormEncodable
    {
        private static readonly FormEncodedText s_leaf = FormEncodedText.Encode("leaf");

        public void WriteForm(ref FormWriter writer) => writer.Write(s_leaf, "1");
    }

    [Fact]
    public void A_writer_that_starts_in_tiny_buffers_grows_and_writes_what_a_pooled_one_writes()
    {
        var expected = FormWriter.Create();
        WriteSample(ref expected);

        var small = FormWriter.Create(1, 1);
        WriteSample(ref small);

        Assert.Equal(expected.ToStringAndDispose(), small.ToStringAndDispose());
    }

    [Fact]
    public void Writers_nested_on_one_thread_and_reused_after_growing_stay_independent()
    {
        string expected = Sample();
        var outer = FormWriter.Create();
        outer.Write(FormEncodedText.Encode("outer"), "1");

        // A second writer while the first holds its pooled buffers, then one that outgrows them.
        Assert.Equal(expected, Sample());
        var big = FormWriter.Create();
        big.Write(FormEncodedText.Encode("big"), new string('z', 100_000));
        Assert.Equal(100_004, big.WrittenSpan.Length);
        big.Dispose();

        outer.Write(FormEncodedText.Encode("after"), "2");
        Assert.Equal("outer=1&after=2", outer.ToStringAndDispose());

        // The buffers went back; the next writers reuse them and see nothing of the earlier content.
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected, Sample());
        }
    }

    [Fact]
    public void Lists_index_past_nine_and_skip_null_items()
    {
        var items = new List<string?>();
        for (int i = 0; i < 12; i++)
        {
            items.Add(i == 3 ? null : "v" + i);
        }

        var pairs = new List<string>();
        for (int i = 0; i < 12; i++)
        {
            if (i != 3)
            {
                pairs.Add($"expand[{i}]=v{i}");
            }
        }

        // A List<T> and an array take the writer's span loop, any other list its interface loop.
        foreach (IReadOnlyList<string?> shape in new IReadOnlyList<string?>[] { items, items.ToArray(), items.AsReadOnly() })
        {
            var writer = FormWriter.Create();
            writer.WriteList(FormEncodedText.Encode("expand"), shape);
            Assert.Equal(string.Join("&", pairs), writer.ToStringAndDispose());
        }

        foreach (IReadOnlyList<string?> empty in new IReadOnlyList<string?>[] { new List<string?>(), Array.Empty<string?>(), new List<string?>().AsReadOnly() })
        {
            var writer = FormWriter.Create();
            writer.WriteList(FormEncodedText.Encode("expand"), empty);
            Assert.Equal("expand=", writer.ToStringAndDispose());
        }
    }

    private static string Sample()
    {
        var writer = FormWriter.Create();
        WriteSample(ref writer);
        return writer.ToStringAndDispose();
    }

    private static void WriteSample(ref FormWriter writer)
    {
        writer.Write(FormEncodedText.Encode("account"), "acct_123");
        int outer = writer.PushKey(FormEncodedText.Encode("collection_options"));
        writer.Write(FormEncodedText.Encode("fields"), "eventually_due");
        int inner = writer.PushKey(FormEncodedText.Encode("deeper name"));
        writer.Write(FormEncodedText.Encode("url"), "https://example.com/a b?c=d&e=\u00e9");
        writer.PopKey(inner);
        writer.PopKey(outer);
        writer.WriteList(FormEncodedText.Encode("expand"), new[] { "url", "", "account" });
        writer.Write(FormEncodedText.Encode("amount"), 1234L);
        writer.Write(FormEncodedText.Encode("flag"), true);
        writer.Write(FormEncodedText.Encode("long"), new string('q', 700) + " " + new string('\u4e2d', 50));
    }

    /// <summary>The rules, char by char: UTF-8 (lone surrogates as U+FFFD), unreserved kept, space as +, else %XX.</summary>
    private static string Reference(string value)
    {
        var builder = new StringBuilder();
        foreach (byte b in new UTF8Encoding(false, false).GetBytes(value))
        {
            if (b < 0x80 && Unreserved.IndexOf((char)b) >= 0)
            {
                builder.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
