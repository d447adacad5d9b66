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
    /// parameters too (to warn about them), so the file of a class with one disables CS0618
    /// (<see cref="OptionsClassModel.HasDeprecatedMembers"/>).
    /// </summary>
    public static void Write(SourceWriter writer, SpecModel spec, OptionsClassModel model)
    {
        writer.WriteLine($"partial class {model.Name}");
        using (writer.Braces())
        {
            writer.WriteLine("/// <summary>Checks every parameter against the spec and returns all problems found at once.</summary>");
            writer.WriteLine($"public {TypeNames.Runtime}.ValidationResult Validate()");
            using (writer.Braces())
            {
                writer.WriteLine($"var collector = new {TypeNames.Runtime}.ValidationCollector();");
                writer.WriteLine("Validate(collector, null);");
                writer.WriteLine("return collector.ToResult();");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Adds this object's problems to <paramref name=\"collector\"/>, under the parameter path <paramref name=\"parent\"/>.</summary>");
            writer.WriteLine($"internal void Validate({TypeNames.Runtime}.ValidationCollector collector, string? parent)");
            using (writer.Braces())
            {
                foreach (PropertyModel property in model.Properties)
                {
                    WriteProperty(writer, property);
                }

                foreach (ExclusivePair pair in model.MutuallyExclusive)
                {
                    PropertyModel first = Find(model, pair.First);
                    PropertyModel second = Find(model, pair.Second);
                    writer.WriteLine($"collector.CheckMutuallyExclusive(parent, {DocText.Literal(first.WireName)}, {IsSet(first)}, {DocText.Literal(second.WireName)}, {IsSet(second)});");
                }
            }
        }
    }

    private static void WriteProperty(SourceWriter writer, PropertyModel property)
    {
        string wire = DocText.Literal(property.WireName);
        string name = property.Name;
        string local = TypeNames.Local(name);
        string required = property.Required ? "true" : "false";
        TypeRef type = property.Type;

        if (property.Deprecation is not null && type.Kind == TypeKind.Enum && !property.Required && !type.Emptyable)
        {
            // One block for a deprecated enum: warn, then check the value.
            writer.WriteLine($"if ({name} is {{ }} {local})");
            using (writer.Braces())
            {
                writer.WriteLine($"collector.WarnDeprecated(parent, {wire}, {DocText.Literal(property.Deprecation)});");
                writer.WriteLine($"collector.CheckDefinedEnum(parent, {wire}, (int){local}, {WireNames(type)});");
            }

            return;
        }

        if (property.Deprecation is not null)
        {
            writer.WriteLine($"if ({IsSet(property)})");
            using (writer.Braces())
            {
                writer.WriteLine($"collector.WarnDeprecated(parent, {wire}, {DocText.Literal(property.Deprecation)});");
            }
        }

        if (property.ClearName is { } clear)
        {
            // The ID beside an object-or-ID parameter is the same parameter: clearing it and sending the ID contradict too.
            string set = property.AlternativeName is { } id ? $"({name} is not null || {id} is not null)" : $"{name} is not null";
            writer.WriteLine($"collector.CheckClearedAndSet(parent, {wire}, {clear}, {set});");
        }

        switch (type.Kind)
        {
            case TypeKind.String:
                writer.WriteLine($"collector.CheckString(parent, {wire}, {name}, required: {required}{StringRules(type)});");
                break;
            case TypeKind.OpenEnum:
                if (property.Required)
                {
                    writer.WriteLine($"collector.CheckOpenEnum(parent, {wire}, {name}.Value, required: true);");
                }
                else
                {
                    writer.WriteLine($"if ({name} is {{ }} {local})");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"collector.CheckOpenEnum(parent, {wire}, {local}.Value, required: false);");
                    }
                }

                break;
            case TypeKind.Enum:
                writer.WriteLine($"if ({name} is {{ }} {local})");
                using (writer.Braces())
                {
                    writer.WriteLine($"collector.CheckDefinedEnum(parent, {wire}, (int){local}, {WireNames(type)});");
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

                writer.WriteLine($"{name}?.Validate(collector, {TypeNames.Runtime}.ValidationCollector.Path(parent, {wire}));");
                WriteRequired(writer, property);
                break;
            case TypeKind.Array:
                writer.WriteLine($"if ({name} is {{ }} {local})");
                using (writer.Braces())
                {
                    writer.WriteLine($"string {local}Path = {TypeNames.Runtime}.ValidationCollector.Path(parent, {wire});");
                    writer.WriteLine($"for (int i = 0; i < {local}.Count; i++)");
                    using (writer.Braces())
                    {
                        WriteItem(writer, type.Item!, $"{local}[i]", $"{local}Path");
                    }
                }

                WriteRequired(writer, property);
                break;
            case TypeKind.StringMap:
                writer.WriteLine($"if ({name} is {{ }} {local})");
                using (writer.Braces())
                {
                    writer.WriteLine($"string {local}Path = {TypeNames.Runtime}.ValidationCollector.Path(parent, {wire});");
                    writer.WriteLine($"foreach (var pair in {local})");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"collector.CheckMapValue({local}Path, pair.Key, pair.Value);");
                    }
                }

                WriteRequired(writer, property);
                break;
            case TypeKind.Map:
                writer.WriteLine($"if ({name} is {{ }} {local})");
                using (writer.Braces())
                {
                    writer.WriteLine($"string {local}Path = {TypeNames.Runtime}.ValidationCollector.Path(parent, {wire});");
                    writer.WriteLine($"foreach (var pair in {local})");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"if (pair.Value is {{ }} {local}Value)");
                        using (writer.Braces())
                        {
                            writer.WriteLine($"{local}Value.Validate(collector, {TypeNames.Runtime}.ValidationCollector.Path({local}Path, pair.Key));");
                        }

                        writer.WriteLine("else");
                        using (writer.Braces())
                        {
                            writer.WriteLine($"collector.ReportNull({local}Path, pair.Key);");
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

    private static void WriteItem(SourceWriter writer, TypeRef item, string expression, string path)
    {
        switch (item.Kind)
        {
            case TypeKind.String:
                writer.WriteLine($"collector.CheckItem({path}, i, {expression}{StringRules(item)});");
                break;
            case TypeKind.Enum:
                writer.WriteLine($"collector.CheckDefinedEnum({path}, i, (int){expression}, {WireNames(item)});");
                break;
            case TypeKind.OpenEnum:
                writer.WriteLine($"collector.CheckItem({path}, i, {expression}.Value);");
                break;
            case TypeKind.Object:
                writer.WriteLine($"if ({expression} is {{ }} item)");
                using (writer.Braces())
                {
                    writer.WriteLine($"item.Validate(collector, {TypeNames.Runtime}.ValidationCollector.Path({path}, i));");
                }

                writer.WriteLine("else");
                using (writer.Braces())
                {
                    writer.WriteLine($"collector.CheckItem({path}, i, null);");
                }

                break;
        }
    }

    private static void WriteRequired(SourceWriter writer, PropertyModel property)
    {
        if (property.Required)
        {
            writer.WriteLine($"collector.CheckRequired(parent, {DocText.Literal(property.WireName)}, {IsSet(property)});");
        }
    }

    /// <summary>The wire-name table of a closed enum, which the validator passes on so a problem can list the allowed values.</summary>
    private static string WireNames(TypeRef type) => Naming.EnumExtensions(type.Name!) + ".WireNames";

    private static string StringRules(TypeRef type) =>
        (type.MaxLength > 0 ? ", maxLength: " + Naming.Invariant(type.MaxLength) : string.Empty)
        + (type.IsUrl ? ", url: true" : string.Empty);

    private static string IsSet(PropertyModel property) =>
        property.Type.OrId
            ? $"({property.Name} is not null || {property.AlternativeName} is not null)"
            : property.Required && TypeNames.IsValueType(property.Type)
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
