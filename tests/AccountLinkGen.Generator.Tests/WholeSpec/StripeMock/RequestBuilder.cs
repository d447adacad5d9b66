using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>Which request the harness makes of an operation (see <see cref="RequestBuilder"/>).</summary>
internal enum RequestCase
{
    Minimal,
    Rich,
    Edge,
}

/// <summary>
/// Fills a generated options object with values the spec allows. The generator's model says which C# property
/// carries which wire name; the spec's schema for that name says what value to put there (an enum's first member,
/// a URL for <c>_url</c> fields, an object's required members, one list item, one map entry).
/// </summary>
/// <remarks>
/// The minimal case sets what the spec or the generated type requires; the rich case also sets every optional,
/// non-deprecated member down to <see cref="RichDepth"/> levels, and <c>expand</c> with the response's expandable
/// fields. The edge case is the minimal one with free-text strings the spec allows but a careless client may not:
/// a line break and non-ASCII text, and a URL with an app's own scheme where the spec gives no format.
/// </remarks>
internal sealed class RequestBuilder
{
    /// <summary>How deep the rich case fills optional members; required ones are filled at any depth.</summary>
    private const int RichDepth = 4;

    private const int MaxDepth = 12;
    private const string Timestamp = "1700000000";

    private readonly SpecSchemas _spec;
    private readonly Dictionary<string, OptionsClassModel> _options;

    public RequestBuilder(SpecSchemas spec, SpecModel model)
    {
        _spec = spec;
        _options = model.OptionsClasses.ToDictionary(o => o.Name, StringComparer.Ordinal);
    }

    /// <summary>The value of a path parameter: stripe-mock takes any ID.</summary>
    public static string PathValue(string wireName) => wireName + "_123";

    /// <summary>For a method without options: the parameters the spec would have the request carry.</summary>
    public static void NoteWithoutOptions(SpecSchemas spec, SpecOperation operation, RequestCase @case, List<RequestGap> gaps)
    {
        bool rich = @case == RequestCase.Rich;
        var (properties, required) = spec.ParametersOf(operation);
        foreach (string name in properties.Keys.Where(name => required.Contains(name) || rich).OrderBy(n => n, StringComparer.Ordinal))
        {
            gaps.Add(NoMember(name, required.Contains(name)));
        }
    }

    /// <param name="gaps">Receives what the harness could not fill, such as a required parameter with no member.</param>
    public object Build(Type optionsType, SpecOperation operation, RequestCase @case, List<RequestGap> gaps)
    {
        bool rich = @case == RequestCase.Rich;
        object options = Activator.CreateInstance(optionsType)!;
        var (properties, required) = _spec.ParametersOf(operation);
        Fill(options, properties, required, @case, depth: 0, path: string.Empty, gaps);

        // Without a generated expand member, the gap on the spec's expand parameter already says so.
        if (rich && _spec.ExpandableFields(operation) is { Count: > 0 } expandable
            && _options[optionsType.Name].Properties.FirstOrDefault(p => p.WireName == "expand") is { } expand)
        {
            Property(optionsType, expand.Name).SetValue(options, expandable.ToList());
        }

        return options;
    }

    /// <returns>How many members were set.</returns>
    private int Fill(object target, Dictionary<string, JsonElement> properties, HashSet<string> required, RequestCase @case, int depth, string path, List<RequestGap> gaps)
    {
        bool rich = @case == RequestCase.Rich;
        Type type = target.GetType();
        if (!_options.TryGetValue(type.Name, out OptionsClassModel? model))
        {
            gaps.Add(new RequestGap(path, $"{type.Name} is not an options class of the model", NoMember: false));
            return 0;
        }

        int set = 0;
        foreach (PropertyModel property in model.Properties)
        {
            string wire = property.WireName;
            string at = Join(path, wire);
            bool isRequired = property.Required || required.Contains(wire);
            if (wire == "expand" && depth == 0)
            {
                continue;
            }

            if (Alternatives(model, wire) is { Count: > 1 } alternatives)
            {
                // One member per object the parameter can be, and only one may be set: the rich case sends the
                // first, the edge case the last, so that the run sends each of two.
                int chosen = rich ? 0 : @case == RequestCase.Edge ? alternatives.Count - 1 : -1;
                if (chosen < 0 || depth >= RichDepth || !ReferenceEquals(alternatives[chosen], property))
                {
                    continue;
                }
            }
            else if (!isRequired && (!rich || depth >= RichDepth || property.Deprecation is not null))
            {
                continue;
            }

            if (!properties.TryGetValue(wire, out JsonElement schema))
            {
                gaps.Add(new RequestGap(at, "generated, but the spec has no such parameter", NoMember: false));
                continue;
            }

            if (property.Type.OrId && !rich)
            {
                // An object or the ID of one: the minimal request names an existing object.
                Property(type, property.Name + "Id").SetValue(target, StringFor(wire, Branch(_spec.Resolve(schema), typeof(string)), @case));
                set++;
                continue;
            }

            PropertyInfo info = Property(type, property.Name);
            if (Value(info.PropertyType, schema, wire, @case, depth + 1, at, gaps) is { } value)
            {
                info.SetValue(target, value);
                set++;
            }
        }

        foreach (string name in properties.Keys.Where(name => model.Properties.All(p => p.WireName != name)).OrderBy(n => n, StringComparer.Ordinal))
        {
            if (required.Contains(name) || rich)
            {
                gaps.Add(NoMember(Join(path, name), required.Contains(name)));
            }
        }

        return set;
    }

    private object? Value(Type type, JsonElement schema, string wire, RequestCase @case, int depth, string path, List<RequestGap> gaps)
    {
        if (depth > MaxDepth)
        {
            gaps.Add(new RequestGap(path, $"nested deeper than {MaxDepth} levels", NoMember: false));
            return null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        JsonElement branch = Branch(_spec.Resolve(schema), type);
        if (type == typeof(string))
        {
            return StringFor(wire, branch, @case);
        }

        if (type == typeof(long) || type == typeof(int) || type == typeof(decimal) || type == typeof(double))
        {
            decimal number = TryGet(branch, "minimum", out JsonElement minimum) ? Math.Max(1, minimum.GetDecimal()) : 1;
            return Convert.ChangeType(number, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(System.IO.Stream))
        {
            // An upload's file: a few bytes of a PDF, from a stream that can seek, as a file on disk is.
            return new System.IO.MemoryStream(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (type.IsEnum)
        {
            return ClosedEnum(type, branch);
        }

        if (IsOpenEnum(type))
        {
            string member = FirstEnumValue(branch)
                ?? type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).Select(p => p.GetValue(null)!.ToString()).First()!;
            return Activator.CreateInstance(type, member);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            JsonElement items = TryGet(branch, "items", out JsonElement i) ? i : default;
            if (Value(type.GetGenericArguments()[0], items, wire, @case, depth, path + "[0]", gaps) is { } item)
            {
                list.Add(item);
            }

            return list;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var map = (IDictionary)Activator.CreateInstance(type)!;
            JsonElement values = TryGet(branch, "additionalProperties", out JsonElement v) && v.ValueKind == JsonValueKind.Object ? v : default;
            string key = wire.Contains("currency", StringComparison.Ordinal) ? "eur" : "order_id";
            if (Value(type.GetGenericArguments()[1], values, key, @case, depth, $"{path}[{key}]", gaps) is { } value)
            {
                map.Add(key, value);
            }

            return map;
        }

        if (type.IsClass && _options.ContainsKey(type.Name))
        {
            object nested = Activator.CreateInstance(type)!;
            var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var required = new HashSet<string>(StringComparer.Ordinal);
            if (branch.ValueKind == JsonValueKind.Object)
            {
                _spec.AddProperties(branch, properties, required);
            }

            if (Fill(nested, properties, required, @case, depth, path, gaps) == 0 && @case != RequestCase.Rich
                && _options[type.Name].Properties.FirstOrDefault(p => p.Deprecation is null && properties.ContainsKey(p.WireName)) is { } first)
            {
                // An object with no required members still has to be sent (Stripe requires account_sessions'
                // components), and an object with nothing set is not sent at all: set one member.
                Fill(nested, properties, new HashSet<string>(required) { first.WireName }, @case, depth, path, gaps);
            }

            return nested;
        }

        gaps.Add(new RequestGap(path, $"the harness has no value for {type.Name}", NoMember: false));
        return null;
    }

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

    private static object ClosedEnum(Type type, JsonElement schema)
    {
        // Closed enums map wire names through the generated {Enum}Extensions.TryParse.
        if (FirstEnumValue(schema) is { } wire
            && type.Assembly.GetType(type.FullName + "Extensions")?.GetMethod("TryParse") is { } tryParse)
        {
            object?[] arguments = { wire, null };
            if ((bool)tryParse.Invoke(null, arguments)!)
            {
                return arguments[1]!;
            }
        }

        return Enum.GetValues(type).GetValue(0)!;
    }

    private static string? FirstEnumValue(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out JsonElement members)
            ? members.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).FirstOrDefault(m => m.Length > 0)
            : null;

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
