using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AccountLinkGen.Generator.Tests.Fuzzing;

/// <summary>
/// Breaks a YAML spec in reproducible ways: every choice comes from one seeded <see cref="Random"/>, so a seed and
/// a mutation count always give the same text. Mutations work on lines and indentation, not on a parsed document,
/// so they can produce text no YAML writer would (bad indentation, duplicate keys, cut-off tokens).
/// </summary>
internal sealed partial class SpecMutator
{
    // Identifiers, wire names and text that have tripped code generators: keywords, collisions with generated
    // members, characters that need escaping in C# strings, XML docs or attributes, and odd Unicode.
    private static readonly string[] NastyNames =
    {
        "class", "namespace", "object", "string", "event", "default", "value", "Value", "null", "true", "0", "1st",
        "_", "__", "", " ", "a-b", "a b", "a.b", "x[y]", "$ref", "@x", "Validate", "WriteForm", "ToFormUrlEncoded",
        "FromJson", "Read", "ApiVersion", "Equals", "GetHashCode", "ToString", "refresh_url", "refreshUrl", "RefreshUrl",
        "account_link", "équipe", "日本語", "a\u0301", "\u200Bzero", "emoji🙂", "tab\tname", "quote\"name", "back\\slash",
        "new\u2028line", "ends_", "_starts", "UPPER_CASE", "mixed_Case_9", "a__b", "9", "-", "ÿ",
    };

    private static readonly string[] NastyText =
    {
        "*/", "/*", "</summary>", "<see cref=\"x\"/>", "&amp;", "&", "<", ">", "\"", "\\", "\\\"", "{0}", "{{", "}}",
        "\u2028", "\u2029", "\u0085", "\uFEFF", "\u202E", "\0", "\u001b", "\r", "\t", "🙂", "#", "--", "#endregion",
        "#if X", "\"\"\"", "@\"", "$\"{x}\"", "`code`", "'", "''", "\\u0022", "\ud800", "\udfff",
    };

    private static readonly string[] Types =
    {
        "string", "object", "integer", "array", "boolean", "number", "'null'", "null", "'string'", "[string, integer]",
        "{}", "[]", "strin g", "String", "OBJECT", "ÿ", "''", "file", "~", "123",
    };

    private static readonly string[] Refs =
    {
        "'#/components/schemas/missing'", "'#/components/schemas/'", "'#'", "''", "'other.yaml#/x'",
        "'http://example.invalid/spec.yaml#/components/schemas/x'", "'#/components/schemas/account_link/properties/url'",
        "'#/paths'", "'#/components/schemas/error'", "'#/components/schemas/api_errors'", "'#/components/schemas/account_link'",
        "'#/components/responses/x'", "'#/definitions/account_link'", "'#/components/schemas/a%20b'", "'#//'", "123",
        "[a, b]", "'#/components/schemas/account_link#x'",
    };

    private static readonly string[] SyntaxBreakers =
    {
        ": :", "- [", "{", "}", "]]", "[", "key: 'unterminated", "key: \"unterminated", "&anchor", "*undefined_alias",
        "---", "...", "%YAML 1.2", "? complex", "!!binary", "!!python/object:os.system", "<<: *nothing", "\tkey: tab",
        "key: value: other", "{\"a\": }", "[1,,2]", "{\"a\": 1,}", "- - - -", "|", ">-", "key: |\n  block", "@", "`",
        "key: [a, {b: c]", "? [a]\n: b", "!!map", "key: !!int abc", "key: &a [*a]",
    };

    private static readonly string[] Scalars =
    {
        "-1", "0", "99999999999999999999999", "1.5", "1e400", "abc", "''", "~", "true", "[]", "{}", "[a, b]", "{a: b}",
        "'2024\"06'", "\"a\\\\b\"", "0x1F", ".nan", ".inf", "'\u0000'", "2001-12-14t21:59:43.10-05:00",
    };

    private readonly Random _random;

    public SpecMutator(int seed) => _random = new Random(seed);

    /// <summary>The mutation names, in the order their index is drawn.</summary>
    public static IReadOnlyList<string> Kinds { get; } = new[]
    {
        "delete-lines", "delete-node", "duplicate-node", "move-node", "retype", "truncate", "inject-chars",
        "nasty-value", "rename-key", "nasty-enum-value", "deep-nesting", "huge-string", "invalid-ref", "response-cycle",
        "swap-keys", "syntax-breaker", "reindent", "scalar-swap", "alias",
    };

    /// <summary>Applies one to three mutations, as many as the seed says.</summary>
    public (string Text, IReadOnlyList<string> Applied) Mutate(string spec) => Mutate(spec, 1 + _random.Next(3));

    /// <summary>Applies <paramref name="count"/> mutations and returns the text with a description of each.</summary>
    public (string Text, IReadOnlyList<string> Applied) Mutate(string spec, int count)
    {
        string text = spec.Replace("\r\n", "\n");
        var applied = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string kind = Kinds[_random.Next(Kinds.Count)];
            try
            {
                text = Apply(kind, text, out string description);
                applied.Add(kind + ": " + description);
            }
            catch (NoCandidateException)
            {
                // Earlier mutations removed every line this one targets.
                applied.Add(kind + ": skipped, no line to apply it to");
            }
        }

        return (text, applied);
    }

    /// <summary>Applies one mutation of the given kind (one of <see cref="Kinds"/>).</summary>
    public string Apply(string kind, string text, out string description)
    {
        List<string> lines = text.Split('\n').ToList();
        switch (kind)
        {
            case "delete-lines":
            {
                int start = _random.Next(lines.Count);
                int length = Math.Min(1 + _random.Next(8), lines.Count - start);
                lines.RemoveRange(start, length);
                description = $"lines {start + 1}-{start + length}";
                return Join(lines);
            }

            case "delete-node":
            {
                int line = PickKeyLine(lines);
                int end = BlockEnd(lines, line);
                description = $"'{lines[line].Trim()}' at line {line + 1} ({end - line} lines)";
                lines.RemoveRange(line, end - line);
                return Join(lines);
            }

            case "duplicate-node":
            {
                int line = PickKeyLine(lines);
                int end = BlockEnd(lines, line);
                description = $"'{lines[line].Trim()}' at line {line + 1}";
                lines.InsertRange(end, lines.GetRange(line, end - line));
                return Join(lines);
            }

            case "move-node":
            {
                // Copies a node under another key, re-indented as its child: schemas where responses belong, etc.
                int from = PickKeyLine(lines);
                int end = BlockEnd(lines, from);
                int to = PickKeyLine(lines);
                int shift = Indent(lines[to]) + 2 - Indent(lines[from]);
                var block = lines.GetRange(from, end - from).Select(l => Reindent(l, shift)).ToList();
                description = $"'{lines[from].Trim()}' from line {from + 1} under line {to + 1}";
                lines.InsertRange(to + 1, block);
                return Join(lines);
            }

            case "retype":
            {
                int line = PickLine(lines, l => l.TrimStart().StartsWith("type:", StringComparison.Ordinal));
                string type = Pick(Types);
                description = $"line {line + 1} to type: {type}";
                lines[line] = new string(' ', Indent(lines[line])) + "type: " + type;
                return Join(lines);
            }

            case "truncate":
            {
                int offset = _random.Next(text.Length + 1);
                description = $"at offset {offset}";
                return text.Substring(0, offset);
            }

            case "inject-chars":
            {
                var builder = new StringBuilder(text);
                int n = 1 + _random.Next(6);
                var parts = new List<string>();
                for (int i = 0; i < n; i++)
                {
                    int offset = _random.Next(builder.Length + 1);
                    string chunk = _random.Next(3) == 0 ? Pick(NastyText) : RandomChars(1 + _random.Next(4));
                    builder.Insert(offset, chunk);
                    parts.Add($"{Show(chunk)}@{offset}");
                }

                description = string.Join(", ", parts);
                return builder.ToString();
            }

            case "nasty-value":
            {
                // Targets descriptions, titles, versions and paths: they end up in XML docs, attributes and strings.
                int line = PickLine(lines, l => Regex.IsMatch(l, @"^\s*(description|title|version|operationId|x-accountLinkGen-replacedBy|/v1/[a-z_]+):"));
                int colon = lines[line].IndexOf(':');
                string value = Quote(Pick(NastyText) + " " + Pick(NastyNames) + " " + Pick(NastyText));
                bool isPath = lines[line].TrimStart().StartsWith("/", StringComparison.Ordinal);
                description = $"line {line + 1} ({lines[line].Trim()}) = {Show(value)}";
                lines[line] = isPath
                    ? new string(' ', Indent(lines[line])) + Quote("/v1/" + Pick(NastyNames) + Pick(NastyText)) + ":"
                    : lines[line].Substring(0, colon + 1) + " " + value;
                if (!isPath)
                {
                    // A folded value continues on the lines below; they would now be stray keys.
                    int end = BlockEnd(lines, line);
                    lines.RemoveRange(line + 1, end - line - 1);
                }

                return Join(lines);
            }

            case "rename-key":
            {
                int line = PickKeyLine(lines);
                string name = _random.Next(4) == 0 ? new string('n', 400 + _random.Next(800)) : Pick(NastyNames);
                int colon = lines[line].IndexOf(':');
                description = $"'{lines[line].Trim()}' at line {line + 1} to {Show(name)}";
                lines[line] = new string(' ', Indent(lines[line])) + Quote(name) + lines[line].Substring(colon);
                return Join(lines);
            }

            case "nasty-enum-value":
            {
                int line = PickLine(lines, l => Regex.IsMatch(l, @"^\s*- [a-z_]+$") && !l.Contains("- account", StringComparison.Ordinal));
                string value = _random.Next(5) == 0 ? new string('e', 400 + _random.Next(800)) : Pick(NastyNames);
                description = $"line {line + 1} ({lines[line].Trim()}) to {Show(value)}";
                lines[line] = new string(' ', Indent(lines[line])) + "- " + Quote(value);
                return Join(lines);
            }

            case "deep-nesting":
            {
                int depth = 50 + _random.Next(250);
                string shape = Pick(new[] { "object", "array", "mixed", "flow" });
                int line = PickLine(lines, l => l.TrimEnd().EndsWith("properties:", StringComparison.Ordinal));
                description = $"{shape} x{depth} under line {line + 1}";
                lines.InsertRange(line + 1, DeepProperty(Indent(lines[line]) + 2, depth, shape));
                return Join(lines);
            }

            case "huge-string":
            {
                int size = 100_000;
                string huge = Quote(HugeText(size));
                int line = PickLine(lines, l => Regex.IsMatch(l, @"^\s*(description:|- [a-z_]+$|title:|version:)"));
                description = $"line {line + 1} ({lines[line].Trim()}) to {size} chars";
                if (lines[line].TrimStart().StartsWith("- ", StringComparison.Ordinal))
                {
                    lines[line] = new string(' ', Indent(lines[line])) + "- " + huge;
                }
                else
                {
                    int end = BlockEnd(lines, line);
                    lines[line] = lines[line].Substring(0, lines[line].IndexOf(':') + 1) + " " + huge;
                    lines.RemoveRange(line + 1, end - line - 1);
                }

                return Join(lines);
            }

            case "invalid-ref":
            {
                string target = Pick(Refs);
                int line = lines.FindIndex(l => l.Contains("$ref:", StringComparison.Ordinal));
                if (_random.Next(2) == 0 || line < 0)
                {
                    // A $ref where the spec has an inline schema, possibly beside other keys.
                    line = PickLine(lines, l => l.TrimStart().StartsWith("type:", StringComparison.Ordinal));
                    lines.Insert(line, new string(' ', Indent(lines[line])) + "$ref: " + target);
                    description = $"added before line {line + 1}: {target}";
                }
                else
                {
                    var refs = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains("$ref:", StringComparison.Ordinal)).ToList();
                    line = refs[_random.Next(refs.Count)];
                    lines[line] = new string(' ', Indent(lines[line])) + "$ref: " + target;
                    description = $"line {line + 1} to {target}";
                }

                return Join(lines);
            }

            case "response-cycle":
            {
                // A response schema that reaches itself, directly or through another schema.
                string which = Pick(new[] { "account_link", "api_errors", "error" });
                string target = _random.Next(2) == 0 ? which : Pick(new[] { "account_link", "api_errors", "error" });
                int line = lines.FindIndex(l => l == "    " + which + ":");
                int props = line < 0 ? -1 : lines.FindIndex(line, l => l == "      properties:");
                if (props < 0)
                {
                    throw new NoCandidateException();
                }

                lines.InsertRange(props + 1, new[] { "        self_" + which + ":", "          $ref: '#/components/schemas/" + target + "'" });
                description = $"{which}.self_{which} -> {target}";
                return Join(lines);
            }

            case "swap-keys":
            {
                int a = PickKeyLine(lines);
                int b = PickKeyLine(lines);
                string keyA = KeyOf(lines[a]);
                string keyB = KeyOf(lines[b]);
                description = $"'{keyA}' (line {a + 1}) <-> '{keyB}' (line {b + 1})";
                lines[a] = new string(' ', Indent(lines[a])) + keyB + lines[a].Substring(lines[a].IndexOf(':'));
                lines[b] = new string(' ', Indent(lines[b])) + keyA + lines[b].Substring(lines[b].IndexOf(':'));
                return Join(lines);
            }

            case "syntax-breaker":
            {
                int line = _random.Next(lines.Count + 1);
                string breaker = Pick(SyntaxBreakers);
                int indent = line < lines.Count ? Indent(lines[line]) : 0;
                description = $"{Show(breaker)} before line {line + 1}";
                lines.Insert(line, new string(' ', indent) + breaker);
                return Join(lines);
            }

            case "reindent":
            {
                int line = PickKeyLine(lines);
                int shift = Pick(new[] { -3, -2, -1, 1, 2, 3 });
                description = $"line {line + 1} by {shift}";
                lines[line] = Reindent(lines[line], shift);
                return Join(lines);
            }

            case "scalar-swap":
            {
                int line = PickLine(lines, l => Regex.IsMatch(l, @"^\s*[A-Za-z$'\-_]+: \S"));
                string value = Pick(Scalars);
                description = $"line {line + 1} ({lines[line].Trim()}) value to {Show(value)}";
                lines[line] = lines[line].Substring(0, lines[line].IndexOf(':') + 1) + " " + value;
                int end = BlockEnd(lines, line);
                lines.RemoveRange(line + 1, end - line - 1);
                return Join(lines);
            }

            case "alias":
            {
                // Anchors and aliases (merge keys included); a small repeated expansion, not a memory bomb.
                int from = PickKeyLine(lines);
                int to = PickKeyLine(lines);
                if (lines[from].TrimEnd().EndsWith(":", StringComparison.Ordinal))
                {
                    lines[from] = lines[from].TrimEnd() + " &a" + from.ToString(CultureInfo.InvariantCulture);
                }

                string key = _random.Next(2) == 0 ? KeyOf(lines[to]) : "<<";
                description = $"anchor at line {from + 1}, alias as '{key}' at line {to + 1}";
                lines[to] = new string(' ', Indent(lines[to])) + key + ": *a" + from.ToString(CultureInfo.InvariantCulture);
                int end = BlockEnd(lines, to);
                lines.RemoveRange(to + 1, end - to - 1);
                return Join(lines);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown mutation.");
        }
    }
}
