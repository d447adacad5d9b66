using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits a C# enum plus wire-name mapping for a closed string enum, or an extensible value type for an open one
/// (<c>x-stripeBypassValidation</c>), which accepts values the spec does not list yet.
/// </summary>
internal static class EnumEmitter
{
    /// <param name="hasRuntime">
    /// Whether the runtime is referenced: its <c>EnumWireNames</c> finds names through a dictionary; without it
    /// (models only) a plain array does, by linear search.
    /// </param>
    public static string Emit(SpecModel spec, EnumModel model, bool hasRuntime, TypeSummaries summaries) =>
        model.Open ? EmitOpen(spec, model, hasRuntime, summaries) : EmitClosed(spec, model, hasRuntime, summaries);

    private static string EmitClosed(SpecModel spec, EnumModel model, bool hasRuntime, TypeSummaries summaries)
    {
        // Members are numbered 0…n-1 in spec order, so the wire names are a table indexed by the value: data the
        // compiler only has to store, where a switch per direction cost it most of its time on large specs.
        SourceWriter writer = SourceFile.StartType(spec, model.Name, model.Description, () => summaries.For(model), $"enum {Naming.DeclaredName(model.Name)}");
        using (writer.Braces())
        {
            foreach (EnumMemberModel member in model.Members)
            {
                writer.WriteLine($"/// <summary>Sent as <c>{DocText.EscapeXml(member.WireName)}</c>.</summary>");
                writer.WriteLine(member.Name + ",");
            }
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>Wire names of <see cref=\"{model.Name}\"/>.</summary>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine($"{spec.Accessibility} static partial class {Naming.EnumExtensions(Naming.DeclaredName(model.Name))}");
        using (writer.Braces())
        {
            // Internal so that validators can name the allowed values when a value is undefined.
            WriteWireNames(writer, model, hasRuntime, hasRuntime ? "internal" : "private");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The value as Stripe names it on the wire.</summary>");
            writer.WriteLine($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value is not a defined member.</exception>");
            writer.WriteLine($"public static string {GeneratedMembers.ToWireName}(this {model.Name} value) =>");
            writer.Indentation++;
            writer.WriteLine(hasRuntime ? "WireNames.NameOf((int)value)" : "(uint)value < (uint)WireNames.Length ? WireNames[(int)value]");
            writer.WriteLine($"{(hasRuntime ? "??" : ":")} throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined {Naming.DeclaredName(model.Name)} value.\");");
            writer.Indentation--;
            writer.WriteLine();
            writer.WriteLine("/// <summary>Whether the value is one of the members the spec defines.</summary>");
            writer.WriteLine($"public static bool IsDefined(this {model.Name} value) => (uint)value < (uint)WireNames.{(hasRuntime ? "Count" : "Length")};");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Finds the member with the given wire name (exact, case-sensitive).</summary>");
            writer.WriteLine($"public static bool {GeneratedMembers.TryParse}(string? wireName, out {model.Name} value)");
            using (writer.Braces())
            {
                if (hasRuntime)
                {
                    writer.WriteLine("bool found = WireNames.TryFind(wireName, out int index);");
                    writer.WriteLine($"value = ({model.Name})index;");
                    writer.WriteLine("return found;");
                }
                else
                {
                    writer.WriteLine("int index = wireName is null ? -1 : global::System.Array.IndexOf(WireNames, wireName);");
                    writer.WriteLine($"value = index < 0 ? default : ({model.Name})index;");
                    writer.WriteLine("return index >= 0;");
                }
            }
        }

        return writer.Complete();
    }

    /// <summary>The table of the members' wire names, in member order.</summary>
    private static void WriteWireNames(SourceWriter writer, EnumModel model, bool hasRuntime, string accessibility = "private")
    {
        writer.WriteLine(hasRuntime
            ? $"{accessibility} static readonly {TypeNames.Runtime}.EnumWireNames WireNames = new("
            : $"{accessibility} static readonly string[] WireNames = new[]");
        if (!hasRuntime)
        {
            writer.WriteLine("{");
        }

        writer.Indentation++;
        for (int i = 0; i < model.Members.Count; i++)
        {
            writer.WriteLine(DocText.Literal(model.Members[i].WireName) + (i < model.Members.Count - 1 || !hasRuntime ? "," : ");"));
        }

        if (model.Members.Count == 0 && hasRuntime)
        {
            writer.WriteLine("global::System.Array.Empty<string>());");
        }

        writer.Indentation--;
        if (!hasRuntime)
        {
            writer.WriteLine("};");
        }
    }

    private static string EmitOpen(SpecModel spec, EnumModel model, bool hasRuntime, TypeSummaries summaries)
    {
        string name = model.Name;
        string declared = Naming.DeclaredName(name);
        SourceWriter writer = SourceFile.StartFor(spec, name);
        SourceFile.WriteTypeSummary(writer, model.Description, () => summaries.For(model));
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// Stripe may accept values the spec does not list yet: any string converts implicitly, and");
        writer.WriteLine("/// <see cref=\"IsKnown\"/> tells whether a value is one of the listed ones.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine($"{spec.Accessibility} readonly partial struct {declared} : global::System.IEquatable<{name}>");
        using (writer.Braces())
        {
            WriteWireNames(writer, model, hasRuntime);
            writer.WriteLine();
            writer.WriteLine("private readonly string? _value;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Creates a value from its wire name.</summary>");
            writer.WriteLine("/// <param name=\"value\">The value as Stripe names it, listed in the spec or not.</param>");
            writer.WriteLine($"public {declared}(string value)");
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
            writer.WriteLine(hasRuntime
                ? "public bool IsKnown => WireNames.TryFind(_value, out _);"
                : "public bool IsKnown => _value is not null && global::System.Array.IndexOf(WireNames, _value) >= 0;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Converts a wire name to {English.Article(declared)} <see cref=\"{name}\"/>.</summary>");
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

        return writer.Complete();
    }
}
