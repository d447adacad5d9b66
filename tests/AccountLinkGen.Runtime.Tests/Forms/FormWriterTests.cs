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
/// The writer's own paths: the short-value table loop and the long-value scan, names, buffers that start small and
/// grow, and the per-thread buffer cache. Each output is compared with a plain reference encoder written from the
/// rules, not with stored strings.
/// </summary>
public sealed class FormWriterTests
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()[]";

    [Fact]
    public void Every_ascii_character_at_every_position_of_short_and_long_values_encodes_as_the_rules_say()
    {
        // Lengths either side of the writer's switch from the table loop to the vectorized scan.
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
                .GetMethod("Encode", new[] { typeof(string) })!
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
        writer.Write("a b\u00e9", "1");
        int mark = writer.PushKey("n&m");
        writer.Write("k=\U0001F600", "2");
        writer.PopKey(mark);
        writer.Write("plain", "3");

        Assert.Equal(
            $"{Reference("a b\u00e9")}=1&{Reference("n&m")}[{Reference("k=\U0001F600")}]=2&plain=3",
            writer.ToStringAndDispose());
    }

    [Theory]
    [InlineData("account")]
    [InlineData("a b\u00e9")]
    [InlineData("k=\U0001F600&x")]
    [InlineData("[brackets]")]
    public void Every_encoded_name_overload_writes_what_its_string_twin_writes(string name)
    {
        var encoded = FormEncodedText.Encode(name);
        Assert.Equal(Reference(name), encoded.Value);

        // Each overload at the top and nested two levels down, in small buffers so both grow on the way.
        var viaStrings = new FormWriter(stackalloc char[2], stackalloc char[2]);
        var viaEncoded = new FormWriter(stackalloc char[2], stackalloc char[2]);
        for (int depth = 0; depth < 3; depth++)
        {
            viaStrings.Write(name, "v a");
            viaEncoded.Write(encoded, "v a");
            viaStrings.Write(name, (string?)null);
            viaEncoded.Write(encoded, (string?)null);
            viaStrings.Write(name, -42L);
            viaEncoded.Write(encoded, -42L);
            viaStrings.Write(name, 1.50m);
            viaEncoded.Write(encoded, 1.50m);
            viaStrings.Write(name, false);
            viaEncoded.Write(encoded, false);
            viaStrings.Write(name, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
            viaEncoded.Write(encoded, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
            viaStrings.Write(name, (long?)null);
            viaEncoded.Write(encoded, (long?)null);
            viaStrings.WriteList(name, new[] { "x", null, "y" });
            viaEncoded.WriteList(encoded, new[] { "x", null, "y" });
            viaStrings.WriteList(name, Array.Empty<string>());
            viaEncoded.WriteList(encoded, Array.Empty<string>());
            viaStrings.WriteMap(name, new Dictionary<string, string> { ["k k"] = "v&v" });
            viaEncoded.WriteMap(encoded, new Dictionary<string, string> { ["k k"] = "v&v" });
            viaStrings.WriteObject(name, new Leaf());
            viaEncoded.WriteObject(encoded, new Leaf());
            viaStrings.WriteObjectMap(name, new Dictionary<string, Leaf> { ["k k"] = new Leaf(), ["skipped"] = null!, ["a[b]"] = new Leaf() });
            viaEncoded.WriteObjectMap(encoded, new Dictionary<string, Leaf> { ["k k"] = new Leaf(), ["skipped"] = null!, ["a[b]"] = new Leaf() });
            viaStrings.WriteObjectMap(name, new Dictionary<string, Leaf>());
            viaEncoded.WriteObjectMap(encoded, new Dictionary<string, Leaf>());
            viaStrings.WriteObjectMap(name, (Dictionary<string, Leaf>?)null);
            viaEncoded.WriteObjectMap(encoded, (Dictionary<string, Leaf>?)null);
            viaStrings.PushKey(name);
            viaEncoded.PushKey(encoded);
        }

        string expected = viaStrings.ToStringAndDispose();
        Assert.Contains(Reference(name) + Nested(name) + Nested(name) + "[0]=x", expected);
        Assert.Contains(Reference(name) + Nested(name) + Nested(name) + "[k+k][leaf]=1&", expected);
        Assert.EndsWith(Reference(name) + Nested(name) + Nested(name) + "[a][b][leaf]=1", expected, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", expected);
        Assert.Equal(expected, viaEncoded.ToStringAndDispose());
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
        var writer = new FormWriter(stackalloc char[4], stackalloc char[4]);
        int mark = writer.PushKey("metadata");
        writer.Write(name, "1");
        writer.Write(encoded, "1");
        writer.WriteMap("inner", new Dictionary<string, string> { [name] = "1" });
        int nested = writer.PushKey(name);
        writer.Write("k", "1");
        writer.PopKey(nested);
        nested = writer.PushKey(encoded);
        writer.Write("k", "1");
        writer.PopKey(nested);
        writer.PopKey(mark);

        string inner = expected.Replace("metadata[", "metadata[inner][", StringComparison.Ordinal);
        string deeper = expected.Substring(0, expected.Length - 2) + "[k]=1";
        Assert.Equal(string.Join("&", expected, expected, inner, deeper, deeper), writer.ToStringAndDispose());
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
            Assert.Equal(0, writer.Length);
        }
        finally
        {
            writer.Dispose();
        }

        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => FormEncodedText.Encode(null!)).ParamName);
        Assert.Equal(FormEncodedText.Encode("a b"), FormEncodedText.Encode("a b"));
        Assert.NotEqual(FormEncodedText.Encode("a b"), FormEncodedText.Encode("a+b"));
        Assert.Equal("a+b", FormEncodedText.Encode("a b").ToString());
        Assert.Equal(string.Empty, default(FormEncodedText).ToString());
    }

    /// <summary>A nested object with one value, for <see cref="FormWriter.WriteObject{T}(FormEncodedText, T)"/>.</summary>
    private sealed class Leaf : IFormEncodable
    {
        public void WriteForm(ref FormWriter writer) => writer.Write("leaf", "1");
    }

    [Fact]
    public void A_writer_that_starts_in_tiny_buffers_grows_and_writes_what_a_pooled_one_writes()
    {
        var expected = FormWriter.Create();
        WriteSample(ref expected);

        var small = new FormWriter(stackalloc char[1], stackalloc char[1]);
        WriteSample(ref small);

        Assert.Equal(expected.ToStringAndDispose(), small.ToStringAndDispose());
    }

    [Fact]
    public void A_writer_over_caller_buffers_with_room_to_spare_writes_the_same_and_needs_no_pool()
    {
        Span<char> buffer = new char[4096];
        var writer = new FormWriter(buffer, new char[256]);
        WriteSample(ref writer);
        string viaSpan = writer.WrittenSpan.ToString();

        var pooled = FormWriter.Create();
        WriteSample(ref pooled);
        Assert.Equal(pooled.ToStringAndDispose(), viaSpan);
        Assert.Equal(viaSpan, buffer.Slice(0, viaSpan.Length).ToString());
    }

    [Fact]
    public void Writers_nested_on_one_thread_and_reused_after_growing_stay_independent()
    {
        string expected = Sample();
        var outer = FormWriter.Create();
        outer.Write("outer", "1");

        // A second writer while the first holds the thread's cached buffers, then one that outgrows them.
        Assert.Equal(expected, Sample());
        var big = FormWriter.Create();
        big.Write("big", new string('z', 100_000));
        Assert.Equal(100_004, big.Length);
        big.Dispose();

        outer.Write("after", "2");
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

        var writer = FormWriter.Create();
        writer.WriteList("expand", items);
        string body = writer.ToStringAndDispose();

        var pairs = new List<string>();
        for (int i = 0; i < 12; i++)
        {
            if (i != 3)
            {
                pairs.Add($"expand[{i}]=v{i}");
            }
        }

        Assert.Equal(string.Join("&", pairs), body);
    }

    private static string Sample()
    {
        var writer = FormWriter.Create();
        WriteSample(ref writer);
        return writer.ToStringAndDispose();
    }

    private static void WriteSample(ref FormWriter writer)
    {
        writer.Write("account", "acct_123");
        int outer = writer.PushKey("collection_options");
        writer.Write("fields", "eventually_due");
        int inner = writer.PushKey("deeper name");
        writer.Write("url", "https://example.com/a b?c=d&e=\u00e9");
        writer.PopKey(inner);
        writer.PopKey(outer);
        writer.WriteList("expand", new[] { "url", "", "account" });
        writer.Write("amount", 1234L);
        writer.Write("flag", true);
        writer.Write("long", new string('q', 700) + " " + new string('\u4e2d', 50));
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
