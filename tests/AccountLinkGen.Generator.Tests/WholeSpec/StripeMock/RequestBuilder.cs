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
internal sealed partial class RequestBuilder
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
    /// <param name="sent">Receives each value set, keyed as the wire carries it, for the check of what was sent.</param>
    public object Build(Type optionsType, SpecOperation operation, RequestCase @case, List<RequestGap> gaps, SentForm sent)
    {
        var log = new RequestLog(gaps, sent);
        bool rich = @case == RequestCase.Rich;
        object options = Activator.CreateInstance(optionsType)!;
        var (properties, required) = _spec.ParametersOf(operation);
        Fill(options, properties, required, @case, depth: 0, path: string.Empty, log);

        // Without a generated expand member, the gap on the spec's expand parameter already says so.
        if (rich && _spec.ExpandableFields(operation) is { Count: > 0 } expandable
            && _options[optionsType.Name].Properties.FirstOrDefault(p => p.WireName == "expand") is { } expand)
        {
            Property(optionsType, expand.Name).SetValue(options, expandable.ToList());
            for (int i = 0; i < expandable.Count; i++)
            {
                sent.Expect($"expand[{i}]", expandable[i]);
            }
        }

        return options;
    }

    /// <returns>How many members were set.</returns>
    private int Fill(object target, Dictionary<string, JsonElement> properties, HashSet<string> required, RequestCase @case, int depth, string path, RequestLog log)
    {
        bool rich = @case == RequestCase.Rich;
        Type type = target.GetType();
        if (!_options.TryGetValue(type.Name, out OptionsClassModel? model))
        {
            log.Gaps.Add(new RequestGap(path, $"{type.Name} is not an options class of the model", NoMember: false));
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
                log.Gaps.Add(new RequestGap(at, "generated, but the spec has no such parameter", NoMember: false));
                continue;
            }

            if (property.Type.OrId && !rich)
            {
                // An object or the ID of one: the minimal request names an existing object.
                Property(type, property.Name + "Id").SetValue(target, log.Set(at, StringFor(wire, Branch(_spec.Resolve(schema), typeof(string)), @case)));
                set++;
                continue;
            }

            PropertyInfo info = Property(type, property.Name);
            if (Value(info.PropertyType, schema, wire, @case, depth + 1, at, log) is { } value)
            {
                info.SetValue(target, value);
                set++;
            }
        }

        foreach (string name in properties.Keys.Where(name => model.Properties.All(p => p.WireName != name)).OrderBy(n => n, StringComparer.Ordinal))
        {
            if (required.Contains(name) || rich)
            {
                log.Gaps.Add(NoMember(Join(path, name), required.Contains(name)));
            }
        }

        return set;
    }

    private object? Value(Type type, JsonElement schema, string wire, RequestCase @case, int depth, string path, RequestLog log)
    {
        if (depth > MaxDepth)
        {
            log.Gaps.Add(new RequestGap(path, $"nested deeper than {MaxDepth} levels", NoMember: false));
            return null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        JsonElement branch = Branch(_spec.Resolve(schema), type);
        if (type == typeof(string))
        {
            return log.Set(path, StringFor(wire, branch, @case));
        }

        if (type == typeof(long) || type == typeof(int) || type == typeof(decimal) || type == typeof(double))
        {
            decimal number = TryGet(branch, "minimum", out JsonElement minimum) ? Math.Max(1, minimum.GetDecimal()) : 1;
            log.Sent.Expect(path, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Convert.ChangeType(number, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(bool))
        {
            log.Sent.Expect(path, "true");
            return true;
        }

        if (type == typeof(System.IO.Stream))
        {
            // An upload's file: a few bytes of a PDF, from a stream that can seek, as a file on disk is.
            return new System.IO.MemoryStream(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        }

        if (type == typeof(DateTimeOffset))
        {
            log.Sent.Expect(path, Timestamp);
            return DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (type.IsEnum)
        {
            // The spec's own spelling: a wrong wire name in the generated enum is a difference, not an agreement.
            object member = ClosedEnum(type, branch, out string? wireName);
            if (wireName is not null)
            {
                log.Sent.Expect(path, wireName);
            }

            return member;
        }

        if (IsOpenEnum(type))
        {
            string member = FirstEnumValue(branch)
                ?? type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).Select(p => p.GetValue(null)!.ToString()).First()!;
            return Activator.CreateInstance(type, log.Set(path, member));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            JsonElement items = TryGet(branch, "items", out JsonElement i) ? i : default;
            if (Value(type.GetGenericArguments()[0], items, wire, @case, depth, path + "[0]", log) is { } item)
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
            if (Value(type.GetGenericArguments()[1], values, key, @case, depth, $"{path}[{key}]", log) is { } value)
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

            if (Fill(nested, properties, required, @case, depth, path, log) == 0 && @case != RequestCase.Rich
                && _options[type.Name].Properties.FirstOrDefault(p => p.Deprecation is null && properties.ContainsKey(p.WireName)) is { } first)
            {
                // An object with no required members still has to be sent (Stripe requires account_sessions'
                // components), and an object with nothing set is not sent at all: set one member.
                Fill(nested, properties, new HashSet<string>(required) { first.WireName }, @case, depth, path, log);
            }

            return nested;
        }

        log.Gaps.Add(new RequestGap(path, $"the harness has no value for {type.Name}", NoMember: false));
        return null;
    }

    /// <summary>What one build records: what it could not fill, and every value it set.</summary>
    private sealed record RequestLog(List<RequestGap> Gaps, SentForm Sent)
    {
        /// <summary>Records a string set at <paramref name="path"/> and returns it.</summary>
        public string Set(string path, string value)
        {
            Sent.Expect(path, value);
            return value;
        }
    }
}
