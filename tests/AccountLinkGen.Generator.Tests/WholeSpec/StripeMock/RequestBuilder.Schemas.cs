using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>How <see cref="RequestBuilder"/> reads the spec's schemas into values: which branch of a union fits a member, and the value for a string, an enum or a path.</summary>
internal sealed partial class RequestBuilder
{
    /// <summary>
    /// The variant of an <c>anyOf</c> that fits the generated property's type: the shape rather than Stripe's
    /// <c>''</c> (clear the field), the object rather than its ID, and so on.
    /// </summary>
    private JsonElement Branch(JsonElement schema, Type type)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return schema;
        }

        foreach (string union in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(union, out JsonElement variants))
            {
                List<JsonElement> resolved = variants.EnumerateArray().Select(_spec.Resolve).ToList();
                return resolved.FirstOrDefault(v => Fits(v, type)) is { ValueKind: JsonValueKind.Object } fit
                    ? Branch(fit, type)
                    : resolved.FirstOrDefault(v => !IsEmptyString(v)) is { ValueKind: JsonValueKind.Object } other ? other : schema;
            }
        }

        return schema;
    }

    private bool Fits(JsonElement schema, Type type)
    {
        if (schema.TryGetProperty("anyOf", out _) || schema.TryGetProperty("oneOf", out _))
        {
            return false;
        }

        string kind = schema.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? string.Empty : string.Empty;
        bool hasProperties = schema.TryGetProperty("properties", out _);
        if (type == typeof(string))
        {
            return kind == "string" && !IsEmptyString(schema);
        }

        if (type.IsEnum || IsOpenEnum(type))
        {
            return kind == "string" && FirstEnumValue(schema) is not null;
        }

        if (type == typeof(long) || type == typeof(int) || type == typeof(DateTimeOffset))
        {
            return kind == "integer";
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            return kind is "number" or "integer";
        }

        if (type == typeof(bool))
        {
            return kind == "boolean";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return kind == "array";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return kind == "object" && !hasProperties;
        }

        // Of several objects, the one whose parameters the generated class has (card details, not a token).
        return kind == "object" && hasProperties
            && (!_options.TryGetValue(type.Name, out OptionsClassModel? model)
                || model.Properties.All(p => schema.GetProperty("properties").TryGetProperty(p.WireName, out _)));
    }

    private static List<PropertyModel> Alternatives(OptionsClassModel model, string wire) =>
        model.Properties.Where(p => p.WireName == wire).ToList();

    private static string StringFor(string wire, JsonElement schema, RequestCase @case)
    {
        bool edge = @case == RequestCase.Edge;
        if (FirstEnumValue(schema) is { } member)
        {
            return member;
        }

        string kind = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? string.Empty : string.Empty;
        string format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out JsonElement f) ? f.GetString() ?? string.Empty : string.Empty;
        string value = kind switch
        {
            "integer" when format == "unix-time" => Timestamp,
            "integer" or "number" => "1",
            "boolean" => "true",
            _ when format == "decimal" => "1.5",
            _ when wire == "url" || wire.EndsWith("_url", StringComparison.Ordinal) => edge ? "myapp://checkout/done" : "https://example.com/page",
            _ when wire.Contains("email", StringComparison.Ordinal) => "jenny.rosen@example.com",
            _ when wire.Contains("currency", StringComparison.Ordinal) => "usd",
            _ when wire.Contains("country", StringComparison.Ordinal) => "US",
            _ when wire.Contains("phone", StringComparison.Ordinal) => "+15555550100",
            _ => edge ? "Zoë's line\r\nnext line" : "test_" + wire,
        };

        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("maxLength", out JsonElement max) && value.Length > max.GetInt32()
            ? value.Substring(0, max.GetInt32())
            : value;
    }

    /// <param name="wireName">The spec's wire string the member was chosen for; null when none of the spec's values has a member.</param>
    private static object ClosedEnum(Type type, JsonElement schema, out string? wireName)
    {
        // Closed enums map wire names through the generated {Enum}Extensions.TryParse. The schema may be a union's
        // other branch (a mandate's type is offline or online there, only online here): the first of its values that
        // this enum has is the one set.
        MethodInfo? tryParse = type.Assembly.GetType(type.FullName + "Extensions")?.GetMethod("TryParse");
        foreach (string wire in EnumValues(schema))
        {
            object?[] arguments = { wire, null };
            if (tryParse is not null && (bool)tryParse.Invoke(null, arguments)!)
            {
                wireName = wire;
                return arguments[1]!;
            }
        }

        wireName = null;
        return Enum.GetValues(type).GetValue(0)!;
    }

    private static IEnumerable<string> EnumValues(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out JsonElement members)
            ? members.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).Where(m => m.Length > 0)
            : Enumerable.Empty<string>();

    private static string? FirstEnumValue(JsonElement schema) => EnumValues(schema).FirstOrDefault();

    private static bool TryGet(JsonElement schema, string name, out JsonElement value)
    {
        value = default;
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out value);
    }

    private static bool IsEmptyString(JsonElement schema) =>
        schema.TryGetProperty("enum", out JsonElement members) && members.EnumerateArray().All(m => m.ValueKind == JsonValueKind.String && m.GetString() == string.Empty);

    private static bool IsOpenEnum(Type type) =>
        type.IsValueType && !type.IsEnum && type.GetConstructor(new[] { typeof(string) }) is not null && type.GetProperty("IsKnown") is not null;

    private static PropertyInfo Property(Type type, string name) =>
        type.GetProperty(name.TrimStart('@')) ?? throw new InvalidOperationException($"{type.Name} has no property {name}, which the model names.");

    private static RequestGap NoMember(string path, bool required) =>
        new(path, required ? "required by the spec, no generated member" : "in the spec, no generated member", NoMember: true);

    private static string Join(string path, string wire) => path.Length == 0 ? wire : $"{path}[{wire}]";
}
