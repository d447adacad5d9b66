using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits the validator of an options class: every rule the spec implies (required, enum membership,
/// <c>maxLength</c>, an absolute URI where the spec says <c>format: uri</c>, no NUL characters, deprecation
/// warnings, mutually exclusive parameters), checked all at once through the runtime's <c>ValidationCollector</c>.
/// </summary>
internal static class ValidatorEmitter
{
    /// <summary>
    /// Writes the validator part of the options class into <paramref name="writer"/>. It reads deprecated
    /// parameters too (to warn about them): CS0618 is disabled around each such read.
    /// </summary>
    public static void Write(SourceWriter writer, SpecModel spec, OptionsClassModel model)
    {
        writer.WriteLine($"partial class {Naming.DeclaredName(model.Name)}");
        using (writer.Braces())
        {
            writer.WriteLine("/// <summary>Checks every parameter against the spec and returns all problems found at once.</summary>");
            writer.WriteLine($"public {TypeNames.Runtime}.ValidationResult {GeneratedMembers.Validate}()");
            using (writer.Braces())
            {
                string problems = Naming.Locals(ClassMembers.Of(model)).Declare("collector");
                writer.WriteLine($"var {problems} = new {TypeNames.Runtime}.ValidationCollector();");
                writer.WriteLine($"{GeneratedMembers.Validate}({problems}, null);");
                writer.WriteLine($"return {problems}.ToResult();");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Adds this object's problems to <paramref name=\"collector\"/>, under the parameter path <paramref name=\"parent\"/>.</summary>");
            writer.WriteLine($"internal void {GeneratedMembers.Validate}({TypeNames.Runtime}.ValidationCollector collector, string? parent)");
            using (writer.Braces())
            {
                LocalNames locals = Naming.Locals(ClassMembers.Of(model, "collector", "parent"));
                var shared = new SharedLocals(locals.Declare("i"), locals.Declare("item"), locals.Declare("pair"));
                foreach (PropertyModel property in model.Properties)
                {
                    using SourceWriter.Pragma obsolete = writer.Disable("CS0618", property.Name + " is deprecated, and still checked when set", when: property.Deprecation is not null);
                    WriteProperty(writer, property, locals, shared);
                }

                // Members that send one parameter as different objects: at most one may be set.
                var alternatives = model.Properties.GroupBy(p => p.WireName).Where(g => g.Count() > 1).ToList();
                foreach (var group in alternatives)
                {
                    var members = group.ToList();
                    for (int i = 0; i < members.Count; i++)
                    {
                        for (int j = i + 1; j < members.Count; j++)
                        {
                            using SourceWriter.Pragma obsolete = writer.Disable("CS0618", "a deprecated member is still checked when set", when: IsDeprecated(members[i], members[j]));
                            writer.WriteLine($"collector.CheckOneAlternative(parent, {Wire(members[i])}, \"{members[i].Name}\", {members[i].Name} is not null, \"{members[j].Name}\", {members[j].Name} is not null);");
                        }
                    }
                }

                foreach (ExclusivePair pair in model.MutuallyExclusive)
                {
                    PropertyModel first = Find(model, pair.First);
                    PropertyModel second = Find(model, pair.Second);
                    using SourceWriter.Pragma obsolete = writer.Disable("CS0618", "a deprecated member is still checked when set", when: IsDeprecated(first, second));
                    writer.WriteLine($"collector.CheckMutuallyExclusive(parent, {Wire(first)}, {IsSet(first)}, {Wire(second)}, {IsSet(second)});");
                }
            }
        }
    }

    private static bool IsDeprecated(PropertyModel first, PropertyModel second) => first.Deprecation is not null || second.Deprecation is not null;

    /// <summary>Names that several properties' blocks declare alike, each in a block of its own.</summary>
    private readonly record struct SharedLocals(string Index, string Item, string Pair);

    /// <summary>The constant holding the property's wire name, which the encoder part declares in its nested class.</summary>
    private static string Wire(PropertyModel property) => Naming.WireNameConstant(property.Name);

    private static void WriteProperty(SourceWriter writer, PropertyModel property, LocalNames locals, SharedLocals shared)
    {
        string wire = Wire(property);
        string name = property.Name;
        string required = property.Required ? "true" : "false";
        TypeRef type = property.Type;

        if (property.Deprecation is not null && type.Kind == TypeKind.Enum && !type.AsString && !property.Required && !type.Emptyable)
        {
            // One block for a deprecated enum: warn, then check the value.
            string value = locals.DeclareCamel(name);
            writer.WriteLine($"if ({name} is {{ }} {value})");
            using (writer.Braces())
            {
                writer.WriteLine($"collector.WarnDeprecated(parent, {wire}, {Naming.DeprecationConstant(property.Name)});");
                writer.WriteLine($"collector.CheckDefinedEnum(parent, {wire}, (int){value}, {WireNames(type)});");
            }

            return;
        }

        if (property.Deprecation is not null)
        {
            writer.WriteLine($"if ({IsSet(property)})");
            using (writer.Braces())
            {
                writer.WriteLine($"collector.WarnDeprecated(parent, {wire}, {Naming.DeprecationConstant(property.Name)});");
            }
        }

        if (property.ClearName is { } clear)
        {
            // The ID beside an object-or-ID parameter is the same parameter: clearing it and sending the ID contradict too.
            string set = property.AlternativeName is { } id && !type.AsAnyOf ? $"({name} is not null || {id} is not null)" : $"{name} is not null";
            writer.WriteLine($"collector.CheckClearedAndSet(parent, {wire}, {clear}, {set});");
        }

        if (type.AsAnyOf)
        {
            WriteAnyOf(writer, property, locals);
            WriteRequired(writer, property);
            return;
        }

        switch (type.Kind)
        {
            case TypeKind.String:
                writer.WriteLine($"collector.CheckString(parent, {wire}, {name}, required: {required}{StringRules(type)});");
                break;
            case TypeKind.Enum when type.AsString:
                writer.WriteLine($"collector.CheckWireName(parent, {wire}, {name}, {WireNames(type)}, required: {required}{(type.Emptyable ? ", emptyable: true" : string.Empty)});");
                break;
            case TypeKind.OpenEnum when type.AsString:
                if (property.Required)
                {
                    writer.WriteLine($"collector.CheckOpenEnum(parent, {wire}, {name}, required: true);");
                }
                else
                {
                    writer.WriteLine($"if ({name} is not null)");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"collector.CheckOpenEnum(parent, {wire}, {name}, required: false);");
                    }
                }

                break;
            case TypeKind.OpenEnum:
                if (property.Required)
                {
                    writer.WriteLine($"collector.CheckOpenEnum(parent, {wire}, {name}.Value, required: true);");
                }
                else
                {
                    string value = locals.DeclareCamel(name);
                    writer.WriteLine($"if ({name} is {{ }} {value})");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"collector.CheckOpenEnum(parent, {wire}, {value}.Value, required: false);");
                    }
                }

                break;
            case TypeKind.Enum:
                string member = locals.DeclareCamel(name);
                writer.WriteLine($"if ({name} is {{ }} {member})");
                using (writer.Braces())
                {
                    writer.WriteLine($"collector.CheckDefinedEnum(parent, {wire}, (int){member}, {WireNames(type)});");
                }

                WriteRequired(writer, property);
                break;
            case TypeKind.Object:
                if (type.OrId && type.IdKind == TypeKind.String)
                {
                    string id = property.AlternativeName!;
                    writer.WriteLine($"collector.CheckString(parent, {wire}, {id}, required: false{StringRules(type)});");
                    writer.WriteLine($"collector.CheckIdOrObject(parent, {wire}, {id} is not null, {name} is not null);");
                }
                else if (type.OrId)
                {
                    writer.WriteLine($"collector.CheckValueOrObject(parent, {wire}, {property.AlternativeName} is not null, {name} is not null);");
                }

                writer.WriteLine($"{name}?.{GeneratedMembers.Validate}(collector, {TypeNames.Runtime}.ValidationCollector.Path(parent, {wire}));");
                WriteNestedRequired(writer, property, locals);
                WriteRequired(writer, property);
                break;
            case TypeKind.Array:
                string list = locals.DeclareCamel(name);
                string listPath = locals.DeclareCamel(name, "Path");
                string i = shared.Index;
                writer.WriteLine($"if ({name} is {{ }} {list})");
                using (writer.Braces())
                {
                    writer.WriteLine($"string {listPath} = {TypeNames.Runtime}.ValidationCollector.Path(parent, {wire});");
                    writer.WriteLine($"for (int {i} = 0; {i} < {list}.Count; {i}++)");
                    using (writer.Braces())
                    {
                        WriteItem(writer, type.Item!, $"{list}[{i}]", listPath, shared);
                    }
                }

                WriteRequired(writer, property);
                break;
            case TypeKind.StringMap:
                string strings = locals.DeclareCamel(name);
                string stringsPath = locals.DeclareCamel(name, "Path");
                writer.WriteLine($"if ({name} is {{ }} {strings})");
                using (writer.Braces())
                {
                    writer.WriteLine($"string {stringsPath} = {TypeNames.Runtime}.ValidationCollector.Path(parent, {wire});");
                    writer.WriteLine($"foreach (var {shared.Pair} in {strings})");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"collector.CheckMapValue({stringsPath}, {shared.Pair}.Key, {shared.Pair}.Value);");
                    }
                }

                WriteRequired(writer, property);
                break;
            case TypeKind.Map:
                string map = locals.DeclareCamel(name);
                string mapPath = locals.DeclareCamel(name, "Path");
                string mapValue = locals.DeclareCamel(name, "Value");
                writer.WriteLine($"if ({name} is {{ }} {map})");
                using (writer.Braces())
                {
                    writer.WriteLine($"string {mapPath} = {TypeNames.Runtime}.ValidationCollector.Path(parent, {wire});");
                    writer.WriteLine($"foreach (var {shared.Pair} in {map})");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"if ({shared.Pair}.Value is {{ }} {mapValue})");
                        using (writer.Braces())
                        {
                            writer.WriteLine($"{mapValue}.{GeneratedMembers.Validate}(collector, {TypeNames.Runtime}.ValidationCollector.Path({mapPath}, {shared.Pair}.Key));");
                        }

                        writer.WriteLine("else");
                        using (writer.Braces())
                        {
                            writer.WriteLine($"collector.ReportNull({mapPath}, {shared.Pair}.Key);");
                        }
                    }
                }

                WriteRequired(writer, property);
                break;
            default:
                WriteRequired(writer, property);
                break;
        }
    }

    private static void WriteItem(SourceWriter writer, TypeRef item, string expression, string path, SharedLocals shared)
    {
        string i = shared.Index;
        if (TypeNames.IsNullableValue(item))
        {
            writer.WriteLine($"if ({expression} is null)");
            using (writer.Braces())
            {
                writer.WriteLine($"collector.CheckItem({path}, {i}, null);");
            }

            return;
        }

        switch (item.Kind)
        {
            case TypeKind.String:
                writer.WriteLine($"collector.CheckItem({path}, {i}, {expression}{StringRules(item)});");
                break;
            case TypeKind.Enum when item.AsString:
                writer.WriteLine($"collector.CheckWireName({path}, {i}, {expression}, {WireNames(item)});");
                break;
            case TypeKind.OpenEnum when item.AsString:
                writer.WriteLine($"collector.CheckItem({path}, {i}, {expression});");
                break;
            case TypeKind.Enum:
                writer.WriteLine($"collector.CheckDefinedEnum({path}, {i}, (int){expression}, {WireNames(item)});");
                break;
            case TypeKind.OpenEnum:
                writer.WriteLine($"collector.CheckItem({path}, {i}, {expression}.Value);");
                break;
            case TypeKind.Object:
                writer.WriteLine($"if ({expression} is {{ }} {shared.Item})");
                using (writer.Braces())
                {
                    writer.WriteLine($"{shared.Item}.{GeneratedMembers.Validate}(collector, {TypeNames.Runtime}.ValidationCollector.Path({path}, {i}));");
                }

                writer.WriteLine("else");
                using (writer.Braces())
                {
                    writer.WriteLine($"collector.CheckItem({path}, {i}, null);");
                }

                break;
        }
    }

    /// <summary>Checks whichever kind an <c>AnyOf</c> holds: the object's own rules, or the string's.</summary>
    private static void WriteAnyOf(SourceWriter writer, PropertyModel property, LocalNames locals)
    {
        string wire = Wire(property);
        string text = locals.DeclareCamel(property.Name, "Text");
        string stringCheck = $"collector.CheckString(parent, {wire}, {text}, required: false{StringRules(property.Type)});";
        if (property.Type.Kind != TypeKind.Object)
        {
            writer.WriteLine($"if ({property.Name}?.Value is string {text})");
            using (writer.Braces())
            {
                writer.WriteLine(stringCheck);
            }

            return;
        }

        string nested = locals.DeclareCamel(property.Name, "Options");
        writer.WriteLine($"if ({property.Name}?.Value is {property.Type.Name} {nested})");
        using (writer.Braces())
        {
            writer.WriteLine($"{nested}.{GeneratedMembers.Validate}(collector, {TypeNames.Runtime}.ValidationCollector.Path(parent, {wire}));");
        }

        if (property.Type.IdKind == TypeKind.String)
        {
            writer.WriteLine($"else if ({property.Name}?.Value is string {text})");
            using (writer.Braces())
            {
                writer.WriteLine(stringCheck);
            }
        }
    }

    /// <summary>The members a shared options class cannot require itself, checked where the spec requires them.</summary>
    private static void WriteNestedRequired(SourceWriter writer, PropertyModel property, LocalNames locals)
    {
        if (property.NestedRequired.Count == 0)
        {
            return;
        }

        string value = locals.DeclareCamel(property.Name);
        writer.WriteLine($"if ({property.Name} is {{ }} {value})");
        using (writer.Braces())
        {
            string path = locals.DeclareCamel(property.Name, "Path");
            writer.WriteLine($"string {path} = {TypeNames.Runtime}.ValidationCollector.Path(parent, {Wire(property)});");
            foreach (NestedMember member in property.NestedRequired)
            {
                writer.WriteLine($"collector.CheckRequired({path}, {DocText.Literal(member.WireName)}, {value}.{member.Name} is not null);");
            }
        }
    }

    private static void WriteRequired(SourceWriter writer, PropertyModel property)
    {
        if (property.Required)
        {
            writer.WriteLine($"collector.CheckRequired(parent, {Wire(property)}, {IsSet(property)});");
        }
    }

    /// <summary>The wire-name table of a closed enum, which the validator passes on so a problem can list the allowed values.</summary>
    private static string WireNames(TypeRef type) => Naming.EnumExtensions(type.Name!) + ".WireNames";

    private static string StringRules(TypeRef type) =>
        (type.MaxLength > 0 ? ", maxLength: " + Naming.Invariant(type.MaxLength) : string.Empty)
        + (type.IsUrl ? ", url: true" : string.Empty);

    private static string IsSet(PropertyModel property) =>
        property.Type.AsAnyOf ? $"{property.Name}?.Value is not null"
        : property.Type.OrId
            ? $"({property.Name} is not null || {property.AlternativeName} is not null)"
            : property.RequiredMember && TypeNames.IsValueType(property.Type)
                ? (property.Type.Kind == TypeKind.OpenEnum ? $"{property.Name}.Value.Length != 0" : "true")
                : $"{property.Name} is not null";

    private static PropertyModel Find(OptionsClassModel model, string wireName)
    {
        foreach (PropertyModel property in model.Properties)
        {
            if (property.WireName == wireName)
            {
                return property;
            }
        }

        throw new System.InvalidOperationException("The parser keeps only exclusive pairs whose parameters exist.");
    }
}
