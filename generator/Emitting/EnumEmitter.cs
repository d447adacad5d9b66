using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits a C# enum plus wire-name mapping for a closed string enum, or an extensible value type for an open one
/// (<c>x-stripeBypassValidation</c>), which accepts values the spec does not list yet.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(SpecModel spec, EnumModel model) =>
        model.Open ? EmitOpen(spec, model) : EmitClosed(spec, model);

    private static string EmitClosed(SpecModel spec, EnumModel model)
    {
        SourceWriter writer = SourceFile.StartType(spec, model.Description, $"enum {model.Name}");
        using (writer.Braces())
        {
            foreach (EnumMemberModel member in model.Members)
            {
                writer.WriteLine($"/// <summary>Sent as <c>{DocText.EscapeXml(member.WireName)}</c>.</summary>");
                writer.WriteLine($"[global::System.Runtime.Serialization.EnumMember(Value = {DocText.Literal(member.WireName)})]");
                writer.WriteLine(member.Name + ",");
            }
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>Wire names of <see cref=\"{model.Name}\"/>.</summary>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine($"{spec.Accessibility} static partial class {model.Name}Extensions");
        using (writer.Braces())
        {
            writer.WriteLine("/// <summary>The value as Stripe names it on the wire.</summary>");
            writer.WriteLine($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value is not a defined member.</exception>");
            writer.WriteLine($"public static string ToWireName(this {model.Name} value) => value switch");
            using (writer.Braces(";"))
            {
                foreach (EnumMemberModel member in model.Members)
                {
                    writer.WriteLine($"{model.Name}.{member.Name} => {DocText.Literal(member.WireName)},");
                }

                writer.WriteLine($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined {model.Name} value.\"),");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Whether the value is one of the members the spec defines.</summary>");
            writer.WriteLine($"public static bool IsDefined(this {model.Name} value) => value switch");
            using (writer.Braces(";"))
            {
                foreach (EnumMemberModel member in model.Members)
                {
                    writer.WriteLine($"{model.Name}.{member.Name} => true,");
                }

                writer.WriteLine("_ => false,");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Finds the member with the given wire name (exact, case-sensitive).</summary>");
            writer.WriteLine($"public static bool TryParse(string? wireName, out {model.Name} value)");
            using (writer.Braces())
            {
                writer.WriteLine("switch (wireName)");
                using (writer.Braces())
                {
                    foreach (EnumMemberModel member in model.Members)
                    {
                        writer.WriteLine($"case {DocText.Literal(member.WireName)}:");
                        writer.Indentation++;
                        writer.WriteLine($"value = {model.Name}.{member.Name};");
                        writer.WriteLine("return true;");
                        writer.Indentation--;
                    }

                    writer.WriteLine("default:");
                    writer.Indentation++;
                    writer.WriteLine("value = default;");
                    writer.WriteLine("return false;");
                    writer.Indentation--;
                }
            }
        }

        return writer.ToString();
    }

    private static string EmitOpen(SpecModel spec, EnumModel model)
    {
        string name = model.Name;
        SourceWriter writer = SourceFile.Start(spec);
        writer.WriteSummary(model.Description);
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// Stripe may accept values the spec does not list yet: any string converts implicitly, and");
        writer.WriteLine("/// <see cref=\"IsKnown\"/> tells whether a value is one of the listed ones.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine($"{spec.Accessibility} readonly partial struct {name} : global::System.IEquatable<{name}>");
        using (writer.Braces())
        {
            writer.WriteLine("private readonly string? _value;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Creates a value from its wire name.</summary>");
            writer.WriteLine("/// <param name=\"value\">The value as Stripe names it, listed in the spec or not.</param>");
            writer.WriteLine($"public {name}(string value)");
            using (writer.Braces())
            {
                writer.WriteLine("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            }

            foreach (EnumMemberModel member in model.Members)
            {
                writer.WriteLine();
                writer.WriteLine($"/// <summary>The value <c>{DocText.EscapeXml(member.WireName)}</c>.</summary>");
                writer.WriteLine($"public static {name} {member.Name} {{ get; }} = new {name}({DocText.Literal(member.WireName)});");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>The value as Stripe names it on the wire; empty for <c>default</c>.</summary>");
            writer.WriteLine("public string Value => _value ?? string.Empty;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Whether the value is one the spec lists.</summary>");
            writer.WriteLine(model.Members.Count == 0
                ? "public bool IsKnown => false;"
                : "public bool IsKnown => _value is " + string.Join(" or ", System.Linq.Enumerable.Select(model.Members, m => DocText.Literal(m.WireName))) + ";");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Converts a wire name to a <see cref=\"{name}\"/>.</summary>");
            writer.WriteLine($"public static implicit operator {name}(string value) => new {name}(value);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Compares two values by wire name (ordinal).</summary>");
            writer.WriteLine($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Compares two values by wire name (ordinal).</summary>");
            writer.WriteLine($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            writer.WriteLine($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            writer.WriteLine($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc />");
            writer.WriteLine("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The wire name.</summary>");
            writer.WriteLine("public override string ToString() => Value;");
        }

        return writer.ToString();
    }
}
