using System;
using System.Globalization;
using System.Text;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>
/// Types an untyped value (<see cref="YamlEvents.ReadAny"/>) as the OpenAPI library's reader does after reading it,
/// by the schema it belongs to when there is one (an example, a default, an enum entry), else by what the text looks
/// like. A quoted string with a schema of type <c>string</c> becomes bytes, binary, a date, a date-time or a password
/// when the format says so; without a schema, it becomes a date or a date-time when it reads as one. A plain one may
/// be null, a boolean, a number or a date, by the schema's type, or without one by what it reads as.
/// </summary>
internal static class AnyValues
{
    private const NumberStyles FloatStyle = NumberStyles.Float | NumberStyles.AllowThousands;

    public static IOpenApiAny Typed(IOpenApiAny value, OpenApiSchema? schema = null)
    {
        switch (value)
        {
            case OpenApiArray array:
                var typedArray = new OpenApiArray();
                foreach (IOpenApiAny item in array)
                {
                    typedArray.Add(Typed(item, schema?.Items));
                }

                return typedArray;

            case OpenApiObject obj:
                var typedObject = new OpenApiObject();
                foreach (var property in obj)
                {
                    OpenApiSchema? propertySchema = schema?.Properties is { } properties && properties.TryGetValue(property.Key, out OpenApiSchema? declared)
                        ? declared
                        : schema?.AdditionalProperties;
                    typedObject[property.Key] = Typed(property.Value, propertySchema);
                }

                return typedObject;

            case OpenApiString text:
                return text.IsExplicit() ? TypedQuoted(text, schema) : TypedPlain(text, schema);

            default:
                return value;
        }
    }

    private static IOpenApiAny TypedQuoted(OpenApiString text, OpenApiSchema? schema)
    {
        if (schema is null)
        {
            return TryDate(text.Value, out DateTimeOffset moment)
                ? moment.TimeOfDay == TimeSpan.Zero ? new OpenApiDate(moment.Date) : new OpenApiDateTime(moment)
                : text;
        }

        return schema.Type == "string" ? StringByFormat(text, schema.Format) ?? text : text;
    }

    private static IOpenApiAny TypedPlain(OpenApiString text, OpenApiSchema? schema)
    {
        string value = text.Value;
        if (value is null or "null")
        {
            return new OpenApiNull();
        }

        string? type = schema?.Type;
        string? format = schema?.Format;
        if (type is null)
        {
            return value switch
            {
                "true" => new OpenApiBoolean(true),
                "false" => new OpenApiBoolean(false),
                _ when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int small) => new OpenApiInteger(small),
                _ when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long large) => new OpenApiLong(large),
                _ when double.TryParse(value, FloatStyle, CultureInfo.InvariantCulture, out double number) => new OpenApiDouble(number),
                _ when TryDate(value, out DateTimeOffset moment) => new OpenApiDateTime(moment),
                _ => text,
            };
        }

        switch (type)
        {
            case "integer":
                if (format == "int64")
                {
                    if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long large))
                    {
                        return new OpenApiLong(large);
                    }
                }

                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int small) ? new OpenApiInteger(small) : text;

            case "number":
                if (format == "float" && float.TryParse(value, FloatStyle, CultureInfo.InvariantCulture, out float single))
                {
                    return new OpenApiFloat(single);
                }

                return double.TryParse(value, FloatStyle, CultureInfo.InvariantCulture, out double number) ? new OpenApiDouble(number) : text;

            case "string":
                return StringByFormat(text, format) ?? text;

            case "boolean":
                return bool.TryParse(value, out bool flag) ? new OpenApiBoolean(flag) : text;

            default:
                return text;
        }
    }

    /// <summary>A string typed by its schema's format, or null when it stays a string.</summary>
    private static IOpenApiAny? StringByFormat(OpenApiString text, string? format)
    {
        string value = text.Value;
        switch (format)
        {
            case "byte":
                try
                {
                    return new OpenApiByte(Convert.FromBase64String(value));
                }
                catch (FormatException)
                {
                    return null;
                }

            case "binary":
                return new OpenApiBinary(Encoding.UTF8.GetBytes(value));
            case "date":
                return TryDate(value, out DateTimeOffset day) ? new OpenApiDate(day.Date) : null;
            case "date-time":
                return TryDate(value, out DateTimeOffset moment) ? new OpenApiDateTime(moment) : null;
            case "password":
                return new OpenApiPassword(value);
            default:
                return null;
        }
    }

    private static bool TryDate(string value, out DateTimeOffset moment) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out moment);
}
