using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace AccountLinkGen;

/// <summary>
/// Collects problems for generated validators. It exists for generated code and is not a supported API.
/// </summary>
/// <remarks>
/// Each check takes the parent's parameter path and the parameter's wire name and builds the full path
/// (<c>parent[name]</c>) only when it reports a problem, so valid options validate without allocating.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationCollector
{
    // Stripe's longest enums (merchant categories) have hundreds of members; a message lists the first ones.
    private const int MaxNamesInMessage = 25;

    // RFC 3986's scheme characters; the first must be a letter.
    private static readonly SearchValues<char> SchemeChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-.");

    private List<ValidationProblem>? _problems;

    /// <summary>The Stripe parameter path of <paramref name="name"/> under <paramref name="parent"/>.</summary>
    public static string Path(string? parent, string name) =>
        string.IsNullOrEmpty(parent) ? name : parent + "[" + name + "]";

    /// <summary>The Stripe parameter path of item <paramref name="index"/> of the list at <paramref name="parent"/>.</summary>
    public static string Path(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// Checks a string parameter: presence, length (a <paramref name="maxLength"/> of 0 is none), URL shape and NUL
    /// characters. CR and LF are ordinary text in a form body (a description may span lines), so only header values
    /// reject them.
    /// </summary>
    /// <remarks>
    /// Where the spec declares the string a URI (<c>format: uri</c> or <c>url</c>), <paramref name="url"/> asks for an
    /// absolute URI with a scheme, any scheme (Stripe takes app schemes such as <c>myapp://return</c> where it takes a
    /// URL at all); the server judges the rest.
    /// </remarks>
    public void CheckString(string? parent, string name, string? value, bool required, int maxLength = 0, bool url = false)
    {
        if (value is null)
        {
            if (required)
            {
                Report(Path(parent, name), ValidationCodes.Required, "is required.");
            }

            return;
        }

        if (value.Length == 0)
        {
            if (required || url)
            {
                Report(Path(parent, name), ValidationCodes.Required, "is required and must not be empty.");
            }

            return;
        }

        // NUL is the one character no Stripe text parameter can hold.
        bool hasNul = value.IndexOf('\0') >= 0;
        if (hasNul)
        {
            Report(Path(parent, name), ValidationCodes.ControlCharacter, "must not contain NUL characters.");
        }

        if (maxLength > 0 && value.Length > maxLength)
        {
            Report(Path(parent, name), ValidationCodes.MaxLength, $"is {value.Length} characters long; at most {maxLength} are allowed.");
        }

        // A NUL is a problem of its own, reported above: the URL is judged without it, so that it is reported once.
        if (url && !IsAbsoluteUri(hasNul ? value.Replace("\0", string.Empty) : value))
        {
            Report(Path(parent, name), ValidationCodes.InvalidUrl, "must be an absolute URI with a scheme, such as https://example.com/return.");
        }
    }

    /// <summary>Checks item <paramref name="index"/> of the string list at <paramref name="listPath"/>: present, non-empty, within rules.</summary>
    public void CheckItem(string listPath, int index, string? value, int maxLength = 0, bool url = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            Report(Path(listPath, index), ValidationCodes.Required, "must not be null or empty.");
        }
        else if (value!.IndexOf('\0') >= 0 || (maxLength > 0 && value.Length > maxLength) || (url && !IsAbsoluteUri(value)))
        {
            // Only a failing item pays for its path; CheckString then names it exactly.
            CheckString(null, Path(listPath, index), value, required: true, maxLength, url);
        }
    }

    /// <summary>
    /// Checks the value of <paramref name="key"/> in the string map at <paramref name="mapPath"/>: not null (the
    /// writer would skip it; an empty string is what unsets a key) and free of NUL characters.
    /// </summary>
    public void CheckMapValue(string mapPath, string key, string? value)
    {
        if (value is null)
        {
            Report(Path(mapPath, key), ValidationCodes.Required, "is null, which is not sent; set it to an empty string to unset the key, or remove it.");
        }
        else
        {
            CheckString(mapPath, key, value, required: false);
        }
    }

    /// <summary>Checks that an object-or-ID parameter is not set both ways (<c>ProductId</c> and <c>Product</c>).</summary>
    public void CheckIdOrObject(string? parent, string name, bool idSet, bool objectSet)
    {
        if (idSet && objectSet)
        {
            Report(Path(parent, name), ValidationCodes.MutuallyExclusive, "is set both as an ID and as an object; set one of them.");
        }
    }

    /// <summary>Checks that a parameter of a union of a value and an object is not set both ways.</summary>
    public void CheckValueOrObject(string? parent, string name, bool valueSet, bool objectSet)
    {
        if (valueSet && objectSet)
        {
            Report(Path(parent, name), ValidationCodes.MutuallyExclusive, "is set both as one value and as an object; set one of them.");
        }
    }

    /// <summary>Checks that a parameter is not both cleared (its <c>Clear…</c> switch) and set.</summary>
    public void CheckClearedAndSet(string? parent, string name, bool cleared, bool set)
    {
        if (cleared && set)
        {
            Report(Path(parent, name), ValidationCodes.MutuallyExclusive, "cannot be cleared and set at once.");
        }
    }

    /// <summary>Reports a null where an object must be (a value of a map of objects).</summary>
    public void ReportNull(string parent, string name) =>
        Report(Path(parent, name), ValidationCodes.Required, "is null, which is not sent; set it or remove it.");

    /// <summary>Checks that a closed enum (as its number) holds a defined member; the problem names the value and the allowed wire names.</summary>
    public void CheckDefinedEnum(string? parent, string name, int value, EnumWireNames wireNames)
    {
        if (wireNames.NameOf(value) is null)
        {
            ReportUndefined(Path(parent, name), value, wireNames);
        }
    }

    /// <summary>Checks that item <paramref name="index"/> of the enum list at <paramref name="listPath"/> is a defined member.</summary>
    public void CheckDefinedEnum(string listPath, int index, int value, EnumWireNames wireNames)
    {
        if (wireNames.NameOf(value) is null)
        {
            ReportUndefined(Path(listPath, index), value, wireNames);
        }
    }

    /// <summary>
    /// Checks a closed enum's value held as a string (Stripe.net's shape): when set, it must be one of
    /// <paramref name="wireNames"/>, exactly as written, or empty where <paramref name="emptyable"/> (an empty value
    /// clears the field); when required, it must be set.
    /// </summary>
    public void CheckWireName(string? parent, string name, string? value, EnumWireNames wireNames, bool required, bool emptyable = false)
    {
        if (value is null)
        {
            if (required)
            {
                Report(Path(parent, name), ValidationCodes.Required, "is required.");
            }
        }
        else if (!(emptyable && value.Length == 0) && !wireNames.TryFind(value, out _))
        {
            ReportNotAWireName(Path(parent, name), value, wireNames);
        }
    }

    /// <summary>Checks that item <paramref name="index"/> of a list of a closed enum's values held as strings is one of them.</summary>
    public void CheckWireName(string listPath, int index, string? value, EnumWireNames wireNames)
    {
        if (!wireNames.TryFind(value, out _))
        {
            ReportNotAWireName(Path(listPath, index), value, wireNames);
        }
    }

    /// <summary>Checks a required value that is not a string (an enum, number, object).</summary>
    public void CheckRequired(string? parent, string name, bool isSet)
    {
        if (!isSet)
        {
            Report(Path(parent, name), ValidationCodes.Required, "is required.");
        }
    }

    /// <summary>Checks the raw value of an open enum: it may be any value, but not empty or with a NUL character.</summary>
    public void CheckOpenEnum(string? parent, string name, string? value, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            Report(Path(parent, name), required ? ValidationCodes.Required : ValidationCodes.InvalidEnum, "must not be empty.");
        }
        else if (value!.IndexOf('\0') >= 0)
        {
            Report(Path(parent, name), ValidationCodes.ControlCharacter, "must not contain NUL characters.");
        }
    }

    /// <summary>Warns that a deprecated parameter is set.</summary>
    public void WarnDeprecated(string? parent, string name, string reason) =>
        Report(Path(parent, name), ValidationCodes.Deprecated, "is deprecated: " + reason, ValidationSeverity.Warning);

    /// <summary>Reports two parameters that Stripe accepts only one of.</summary>
    public void CheckMutuallyExclusive(string? parent, string first, bool firstSet, string second, bool secondSet)
    {
        if (firstSet && secondSet)
        {
            string param = Path(parent, second);
            Add(new ValidationProblem(param, ValidationCodes.MutuallyExclusive, $"'{Path(parent, first)}' and '{param}' cannot both be set; send only one.", ValidationSeverity.Error));
        }
    }

    /// <summary>Reports a parameter set through two of the members that each send it as one of its objects (<c>CardDetails</c>, <c>CardToken</c>).</summary>
    public void CheckOneAlternative(string? parent, string name, string first, bool firstSet, string second, bool secondSet)
    {
        if (firstSet && secondSet)
        {
            Report(Path(parent, name), ValidationCodes.MutuallyExclusive, $"is set as both {first} and {second}; set only one.");
        }
    }

    /// <summary>The result of every check made so far.</summary>
    public ValidationResult ToResult() => _problems is null ? ValidationResult.Success : new ValidationResult(_problems);

    private void Add(ValidationProblem problem) => (_problems ??= new List<ValidationProblem>()).Add(problem);

    // Every message starts with the parameter it is about.
    private void Report(string param, string code, string problem, ValidationSeverity severity = ValidationSeverity.Error) =>
        Add(new ValidationProblem(param, code, $"'{param}' {problem}", severity));

    // A C# enum holds a number, not a wire name: the number is all there is to name (a cast such as
    // (AccountLinkCollect)42, or -1 for "not parsed"), and the allowed wire names say what to send instead.
    private void ReportNotAWireName(string param, string? value, EnumWireNames wireNames) =>
        Report(
            param,
            ValidationCodes.InvalidEnum,
            (value is null ? "is null" : $"is '{value}'") + $", which is not a value the spec defines; allowed values: {wireNames.Describe(MaxNamesInMessage)}.");

    private void ReportUndefined(string param, int value, EnumWireNames wireNames) =>
        Report(
            param,
            ValidationCodes.InvalidEnum,
            $"is {value.ToString(CultureInfo.InvariantCulture)}, which is not a value the spec defines; allowed values: {wireNames.Describe(MaxNamesInMessage)}.");

    /// <summary>
    /// Whether <paramref name="value"/> is an absolute URI: an RFC 3986 scheme, then a colon, then something, with
    /// no whitespace or control characters. The scheme is checked apart (on the span, with no substring) because
    /// <see cref="Uri"/> reads a rooted path such as <c>/return</c> as an absolute <c>file:</c> URI on Unix.
    /// </summary>
    private static bool IsAbsoluteUri(string value)
    {
        int colon = value.IndexOf(':');
        if (colon < 1 || colon == value.Length - 1 || value.AsSpan(0, colon).IndexOfAnyExcept(SchemeChars) >= 0 || !char.IsLetter(value[0]))
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c <= ' ' || c == '\u007f')
            {
                return false;
            }
        }

        return Uri.TryCreate(value, UriKind.Absolute, out _);
    }
}
