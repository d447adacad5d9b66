using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// Compares one scalar of a response model with the JSON value it was read from, by the kind the generator's model
/// gives the member: what the generated readers (<c>JsonRead</c>) make of each JSON token, and nothing looser.
/// </summary>
internal static class ScalarComparer
{
    /// <summary>Null when <paramref name="value"/> is what the generated reader makes of <paramref name="json"/>; else why not.</summary>
    /// <param name="json">A non-null JSON value.</param>
    /// <param name="value">The model's non-null value.</param>
    /// <param name="enumModel">
    /// For a closed enum, its model as the parser read it from the spec: the member's wire name is taken from there,
    /// never from the generated <c>ToWireName</c>, so a mapping the generated code gets wrong both ways is still seen.
    /// </param>
    public static string? Difference(JsonElement json, object value, TypeKind kind, EnumModel? enumModel = null) => kind switch
    {
        // A string member holds a JSON string: a number or boolean where the spec says string is a difference,
        // however the reader would keep its text.
        TypeKind.String => value is string text
            ? json.ValueKind == JsonValueKind.String && string.Equals(json.GetString(), text, StringComparison.Ordinal) ? null : Differs(json, value)
            : WrongType(json, value, "string"),
        TypeKind.Integer => value is long integer
            ? json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out long wire) && wire == integer ? null : Differs(json, value)
            : WrongType(json, value, "long"),
        TypeKind.Number => value is decimal number
            ? json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out decimal wire) && wire == number ? null : Differs(json, value)
            : WrongType(json, value, "decimal"),
        TypeKind.Boolean => value is bool boolean
            ? json.ValueKind is JsonValueKind.True or JsonValueKind.False && json.GetBoolean() == boolean ? null : Differs(json, value)
            : WrongType(json, value, "bool"),
        TypeKind.UnixTime => value is DateTimeOffset time
            ? json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out long seconds) && seconds >= -62135596800L && seconds <= 253402300799L
              && time.Offset == TimeSpan.Zero && time == DateTimeOffset.FromUnixTimeSeconds(seconds) ? null : Differs(json, value)
            : WrongType(json, value, "DateTimeOffset"),
        TypeKind.Enum => value is Enum member && enumModel?.Members.FirstOrDefault(m => m.Name == member.ToString()) is { } spec
            ? json.ValueKind == JsonValueKind.String && string.Equals(json.GetString(), spec.WireName, StringComparison.Ordinal) ? null : Differs(json, value)
            : WrongType(json, value, "a member of the spec's enum " + (enumModel?.Name ?? "(no enum model)")),
        TypeKind.OpenEnum => WireName(value, kind) is { } name
            ? json.ValueKind == JsonValueKind.String && string.Equals(json.GetString(), name, StringComparison.Ordinal) ? null : Differs(json, value)
            : WrongType(json, value, "a generated open enum"),
        TypeKind.Json => value is JsonElement element
            ? JsonElement.DeepEquals(element, json) ? null : Differs(json, value)
            : WrongType(json, value, "JsonElement"),
        _ => $"a {kind} member is not a scalar",
    };

    /// <summary>The value as the messages show it: strings quoted, times as Unix seconds, enums by wire name.</summary>
    public static string Show(object? value) => value switch
    {
        null => "null",
        string text => JsonSerializer.Serialize(text),
        bool boolean => boolean ? "true" : "false",
        DateTimeOffset time => $"{time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)} ({time.ToString("o", CultureInfo.InvariantCulture)})",
        JsonElement element => Excerpt(element),
        IFormattable formattable when value.GetType().IsPrimitive || value is decimal => formattable.ToString(null, CultureInfo.InvariantCulture),
        Enum => WireName(value, TypeKind.Enum) is { } name ? $"{value.GetType().Name}.{value} ({name})" : value.ToString()!,
        _ when WireName(value, TypeKind.OpenEnum) is { } name => $"{value.GetType().Name} {JsonSerializer.Serialize(name)}",
        _ => value.GetType().Name,
    };

    /// <summary>A JSON value for a message, cut short.</summary>
    public static string Excerpt(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Undefined)
        {
            return "(no JSON value)";
        }

        string text = json.GetRawText();
        return text.Length > 80 ? text.Substring(0, 80) + "…" : text;
    }

    /// <summary>
    /// A generated enum's wire name (its <c>{Enum}Extensions.ToWireName</c>), or an open enum's (its <c>Value</c>);
    /// null when the value is neither.
    /// </summary>
    private static string? WireName(object value, TypeKind kind)
    {
        Type type = value.GetType();
        if (kind == TypeKind.Enum)
        {
            MethodInfo? toWireName = type.IsEnum ? type.Assembly.GetType(type.FullName + "Extensions")?.GetMethod("ToWireName") : null;
            try
            {
                return toWireName?.Invoke(null, new[] { value }) as string;
            }
            catch (TargetInvocationException)
            {
                // Not a defined member: it has no wire name, which the caller reports.
                return null;
            }
        }

        return type.IsValueType && !type.IsEnum && type.GetProperty("IsKnown") is not null
            ? type.GetProperty("Value")?.GetValue(value) as string
            : null;
    }

    private static string Differs(JsonElement json, object value) => $"JSON {Excerpt(json)}, model {Show(value)}";

    private static string WrongType(JsonElement json, object value, string expected) =>
        $"JSON {Excerpt(json)}, model holds a {value.GetType().Name} where the model says {expected}";
}
