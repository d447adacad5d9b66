using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>
/// The one rule set that turns spec names into C# names. Everything the generator names goes through here.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Identifiers: <c>snake_case</c>, <c>kebab-case</c> and dotted names become PascalCase
/// (<c>refresh_url</c> → <c>RefreshUrl</c>, <c>checkout.session</c> → <c>CheckoutSession</c>); a leading digit gets
/// a <c>Value</c> prefix, an empty enum value is <c>Empty</c>, C# keywords are escaped with <c>@</c>.</item>
/// <item>Resource: the path's literal segments, singularized (<c>/v1/account_links</c> → <c>AccountLink</c>,
/// <c>/v1/checkout/sessions</c> → <c>CheckoutSession</c>). The path, not the response schema, decides, so that
/// every operation on one path lands in one service (a DELETE answers with <c>deleted_customer</c>, a list with
/// a list object).</item>
/// <item>Verb: POST to a collection is <c>Create</c>, POST to <c>{id}</c> is <c>Update</c>, POST to
/// <c>{id}/action</c> is the action (<c>Capture</c>); GET is <c>List</c>, <c>Get</c> or <c>Search</c>; DELETE is
/// <c>Delete</c>.</item>
/// <item>Types: options <c>{Resource}{Verb}Options</c>; nested options <c>{Resource}{PropertyPath}Options</c>
/// (no second <c>Options</c>: <c>AccountLinkCollectionOptions</c>), enums <c>{Resource}{PropertyPath}</c>
/// (<c>AccountLinkCollectionOptionsFields</c>). When another operation of the resource already took such a name
/// for a different shape, the verb joins the resource (<c>CustomerUpdateAddressOptions</c>). Services are
/// <c>{Resource}Service</c> with <c>{Verb}Async</c> methods and, beside each, <c>{Verb}WithResponseAsync</c>.</item>
/// <item>Names only generated code uses: locals and the parameters named after the spec are declared per method
/// through <see cref="Locals"/>, apart from the class's members and the method's fixed parameters (a property
/// <c>writer</c> next to <c>WriteForm(ref FormWriter writer)</c> reads into <c>writer2</c>); private members that
/// hold wire names have an underscore (<c>WireName_RefreshUrl</c>), which no name made from the spec has.</item>
/// </list>
/// </remarks>
internal static class Naming
{
    private const string ServiceSuffix = "Service";

    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (builder.Length == 0)
        {
            return "Empty";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Value");
        }

        return builder.ToString();
    }

    /// <summary>Members every generated options class has besides its parameters.</summary>
    public static readonly HashSet<string> OptionsMembers = new(System.StringComparer.Ordinal)
    {
        "WriteForm", "ToFormUrlEncoded", "Validate", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Members every generated open enum has besides its values.</summary>
    public static readonly HashSet<string> OpenEnumMembers = new(System.StringComparer.Ordinal)
    {
        "Value", "IsKnown", "WireNames", "Equals", "ToString", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Members every generated response model has besides its fields.</summary>
    public static readonly HashSet<string> ResponseMembers = new(System.StringComparer.Ordinal)
    {
        "FromJson", "Read", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>
    /// A property name that collides with neither its class nor a member the generator or <c>object</c> gives the
    /// class: such names get a <c>Value</c> suffix (<c>write_form</c> → <c>WriteFormValue</c>).
    /// </summary>
    public static string Member(string pascal, string className, HashSet<string> reserved) =>
        pascal == className || reserved.Contains(pascal) ? pascal + "Value" : pascal;

    /// <summary>An identifier safe to emit: keywords get an <c>@</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>
    /// The resource a path acts on: its literal segments (without <c>v1</c> and a trailing action) singularized and
    /// joined, so <c>/v1/account_links</c> is <c>AccountLink</c> and <c>/v1/customers/{customer}/sources</c> is
    /// <c>CustomerSource</c>; <c>/v1/customers/search</c> searches <c>Customer</c>.
    /// </summary>
    public static string Resource(string path, bool endsWithAction)
    {
        var segments = new List<string>();
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length > 0 && !IsParameterSegment(segment) && segment != "v1")
            {
                segments.Add(segment);
            }
        }

        // A search is a verb of the collection it searches (CustomerService.SearchAsync), as an action is.
        if (segments.Count > 1 && (endsWithAction || segments[segments.Count - 1] == "search"))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        var builder = new StringBuilder();
        foreach (string segment in segments)
        {
            builder.Append(Pascal(Singular(segment)));
        }

        return builder.Length == 0 ? "Resource" : builder.ToString();
    }

    /// <summary>The verb of an operation, from its HTTP method and path shape (see the class remarks).</summary>
    public static string Verb(string httpMethod, string path, bool endsWithAction)
    {
        string[] segments = path.Trim('/').Split('/');
        string last = segments[segments.Length - 1];
        if (endsWithAction)
        {
            return Pascal(last);
        }

        bool endsWithParameter = IsParameterSegment(last);
        switch (httpMethod.ToUpperInvariant())
        {
            case "GET":
                return endsWithParameter ? "Get" : last == "search" ? "Search" : "List";
            case "DELETE":
                return "Delete";
            default:
                return endsWithParameter ? "Update" : "Create";
        }
    }

    /// <summary>
    /// True when the path ends in a literal segment after a parameter that names an action rather than a
    /// sub-collection: <paramref name="isCollection"/> says whether the path is listed or has items of its own.
    /// </summary>
    public static bool EndsWithAction(string path, bool isCollection)
    {
        string[] segments = path.Trim('/').Split('/');
        return segments.Length >= 2
            && !IsParameterSegment(segments[segments.Length - 1])
            && IsParameterSegment(segments[segments.Length - 2])
            && !isCollection;
    }

    /// <summary>
    /// The camelCase name of a path parameter, as declared: the emitter declares it among the method's other
    /// parameters (<see cref="Locals"/>) and escapes it where it is code.
    /// </summary>
    public static string Parameter(string name) => Camel(Pascal(name));

    /// <summary>A member name in camelCase, for a local or parameter: <c>RefreshUrl</c> → <c>refreshUrl</c>.</summary>
    public static string Camel(string pascal) =>
        pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);

    /// <summary>
    /// The names a generated method declares, kept apart from each other and from <paramref name="inScope"/>: the
    /// members of its class and its fixed parameters (see <see cref="LocalNames"/>).
    /// </summary>
    public static LocalNames Locals(IEnumerable<string> inScope) => new(inScope);

    /// <summary>
    /// The private constant holding a member's wire name, the one place a class spells it: <c>WireName_RefreshUrl</c>.
    /// Generated private members have an underscore, which no member made by <see cref="Pascal"/> has, so they
    /// never collide with one.
    /// </summary>
    public static string WireNameConstant(string memberName) => "WireName_" + memberName;

    /// <summary>The static field holding a parameter's wire name escaped once for the form writer: <c>FormName_RefreshUrl</c>.</summary>
    public static string FormNameField(string memberName) => "FormName_" + memberName;

    /// <summary>The static field holding a response field's wire name in UTF-8, as the JSON reader compares it: <c>JsonName_ExpiresAt</c>.</summary>
    public static string JsonNameField(string memberName) => "JsonName_" + memberName;

    public static string OptionsClass(string resource, string verb) => resource + verb + "Options";

    public static string Service(string resource) => resource + ServiceSuffix;

    /// <summary>The resource a service calls, from the service's name: the inverse of <see cref="Service"/>.</summary>
    public static string ServiceResource(string serviceName) =>
        serviceName.EndsWith(ServiceSuffix, System.StringComparison.Ordinal) ? serviceName.Substring(0, serviceName.Length - ServiceSuffix.Length) : serviceName;

    public static string ServiceMethod(string verb) => verb + "Async";

    /// <summary>
    /// The member beside an object-or-scalar parameter's object property that sends the scalar: <c>ProductId</c> for
    /// the ID (or token) of an object, <c>CreatedExact</c> for a number or time that stands for a range's object.
    /// </summary>
    public static string AlternativeMember(string propertyName, bool isIdString) => propertyName + (isIdString ? "Id" : "Exact");

    /// <summary>The switch beside an emptyable non-string parameter that sends <c>key=</c>, clearing the field: <c>ClearMetadata</c>.</summary>
    public static string ClearSwitch(string propertyName) => "Clear" + propertyName;

    /// <summary>The static class beside a closed enum with its wire names and <c>ToWireName</c>/<c>TryParse</c>.</summary>
    public static string EnumExtensions(string enumName) => enumName + "Extensions";

    /// <summary>The service method that also returns the response's request id, status and headers.</summary>
    public static string ServiceMethodWithResponse(string verb) => verb + "WithResponseAsync";

    /// <summary>The name of a nested type for the property at <paramref name="propertyPath"/> of a resource.</summary>
    public static string Nested(string resource, IEnumerable<string> propertyPath)
    {
        var builder = new StringBuilder(resource);
        foreach (string segment in propertyPath)
        {
            builder.Append(Pascal(segment));
        }

        return builder.ToString();
    }

    /// <summary>The name of a nested options class: <see cref="Nested"/> plus <c>Options</c> unless it already ends so.</summary>
    public static string NestedOptions(string resource, IEnumerable<string> propertyPath)
    {
        string name = Nested(resource, propertyPath);
        return name.EndsWith("Options", System.StringComparison.Ordinal) ? name : name + "Options";
    }

    /// <summary>The class of a spec's event type constants (<c>EventTypes.CustomerCreated</c>).</summary>
    public const string EventTypesClass = "EventTypes";

    /// <summary>An event type's constant: <c>customer.created</c> → <c>CustomerCreated</c>.</summary>
    public static string EventType(string value) => Pascal(value);

    /// <summary>
    /// The internal class of a spec's object table, named after the spec file (<c>account_links.yaml</c> →
    /// <c>AccountLinksObjectTable</c>), so that two specs generated into one namespace each have their own.
    /// </summary>
    public static string ObjectTable(string specPath) => Pascal(System.IO.Path.GetFileNameWithoutExtension(specPath)) + "ObjectTable";

    /// <summary><paramref name="name"/>, or the first of <c>{name}2</c>, <c>{name}3</c>, … that <paramref name="isTaken"/> says is free.</summary>
    public static string Unique(string name, System.Func<string, bool> isTaken)
    {
        string unique = name;
        for (int n = 2; isTaken(unique); n++)
        {
            unique = name + Invariant(n);
        }

        return unique;
    }

    private static bool IsParameterSegment(string segment) => segment.StartsWith("{", System.StringComparison.Ordinal);

    private static string Singular(string word)
    {
        if (word.EndsWith("ies", System.StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 3) + "y";
        }

        if (word.EndsWith("sses", System.StringComparison.Ordinal) || word.EndsWith("xes", System.StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 2);
        }

        return word.EndsWith("s", System.StringComparison.Ordinal) && !word.EndsWith("ss", System.StringComparison.Ordinal)
            ? word.Substring(0, word.Length - 1)
            : word;
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
