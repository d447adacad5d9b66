using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Forms;

/// <summary>
/// Random bodies (seeded, so a failure replays): nested objects, lists and values of every length and kind of
/// character, written through writers that start in tiny buffers and must grow at every possible point; any slip in
/// the writer's room-keeping shows up here as a body that differs from the one a plain reference builds from the
/// rules.
/// </summary>
public sealed class FormWriterRandomTests
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()[]";

    // Letters, every kind of escape, space, and multi-byte UTF-8 (two, three and four bytes).
    private static readonly string[] Pieces = { "a", "Z", "9", "-", "~", " ", "&", "=", "%", "/", ":", "+", "?", "#", "\r", "\n", "é", "€", "日本", "\U0001F600" };

    [Fact]
    public void Random_nested_bodies_encode_as_the_rules_say_from_any_starting_buffer()
    {
        var random = new Random(20261201);
        for (int i = 0; i < 1500; i++)
        {
            Node body = Node.Random(random, depth: 0);
            string expected = string.Join("&", body.Pairs(null));

            var pooled = FormWriter.Create();
            body.WriteForm(ref pooled);
            Assert.Equal(expected, pooled.ToStringAndDispose());

            int start = random.Next(1, 40);
            var small = FormWriter.Create(start, random.Next(1, 24));
            body.WriteForm(ref small);
            Assert.Equal(expected, small.ToStringAndDispose());
        }
    }

    private static string RandomText(Random random, int maxPieces)
    {
        var builder = new StringBuilder();
        int count = random.Next(0, maxPieces + 1);
        bool plain = random.Next(3) == 0;
        for (int i = 0; i < count; i++)
        {
            builder.Append(plain ? Pieces[random.Next(3)] : Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    private static string Reference(string text)
    {
        var builder = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(text))
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
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>One object of a random body: values, lists and nested objects under names without brackets.</summary>
    private sealed class Node : IFormEncodable
    {
        private readonly List<(FormEncodedText Encoded, string Name, object? Value)> _entries = new();

        public static Node Random(Random random, int depth)
        {
            var node = new Node();
            int count = random.Next(depth == 0 ? 1 : 0, 6);
            for (int i = 0; i < count; i++)
            {
                string name = RandomText(random, 12).Replace("[", string.Empty).Replace("]", string.Empty);
                name = name.Length == 0 ? "n" + i.ToString(CultureInfo.InvariantCulture) : name;
                object? value = random.Next(6) switch
                {
                    0 when depth < 4 => Random(random, depth + 1),
                    1 => RandomList(random),
                    2 => null,
                    _ => RandomText(random, random.Next(2) == 0 ? 6 : 80),
                };
                node._entries.Add((FormEncodedText.Encode(name), name, value));
            }

            return node;
        }

        private static List<string?> RandomList(Random random)
        {
            var list = new List<string?>();
            int count = random.Next(0, 14);
            for (int i = 0; i < count; i++)
            {
                list.Add(random.Next(5) == 0 ? null : RandomText(random, 20));
            }

            return list;
        }

        public void WriteForm(ref FormWriter writer)
        {
            foreach (var (encoded, _, value) in _entries)
            {
                switch (value)
                {
                    case Node node:
                        writer.WriteObject(encoded, node);
                        break;
                    case List<string?> list:
                        writer.WriteList(encoded, list);
                        break;
                    default:
                        writer.Write(encoded, (string?)value);
                        break;
                }
            }
        }

        public IEnumerable<string> Pairs(string? parent)
        {
            foreach (var (_, name, value) in _entries)
            {
                string key = parent is null ? Reference(name) : parent + "[" + Reference(name) + "]";
                switch (value)
                {
                    case Node node:
                        foreach (string pair in node.Pairs(key))
                        {
                            yield return pair;
                        }

                        break;
                    case List<string?> list:
                        // An empty list is sent as "name=", which clears it; null items are skipped and the others
                        // keep their own index.
                        if (list.Count == 0)
                        {
                            yield return key + "=";
                        }

                        for (int index = 0; index < list.Count; index++)
                        {
                            if (list[index] is { } item)
                            {
                                yield return key + "[" + index.ToString(CultureInfo.InvariantCulture) + "]=" + Reference(item);
                            }
                        }

                        break;
                    case string text:
                        yield return key + "=" + Reference(text);
                        break;
                }
            }
        }
    }
}
