using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>
/// The one rule set that turns spec names into C# names. Everything the generator names goes through here.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Identifiers: <c>snake_case</c>, <c>kebab-case</c> and dotted names become PascalCase
/// (<c>refresh_url</c> → <c>RefreshUrl</c>, <c>checkout.session</c> → <c>CheckoutSession</c>); digits that begin
/// a word are spelled (<c>3d_secure</c> → <c>ThreeDSecure</c>), a number is led by a word that says what it is
/// (<c>Version20110101</c>), an empty enum value is <c>Empty</c>, C# keywords are escaped with <c>@</c>.</item>
/// <item>Resources and verbs: Stripe's names where the spec gives them (<c>x-stripeResource</c>,
/// <c>x-stripeOperations</c>), else the path rules, which give the same names for the same shapes (see
/// <c>Naming.Resources.cs</c>).</item>
/// <item>Types: options <c>{Resource}{Verb}Options</c>; nested options <c>{Resource}{PropertyPath}Options</c>
/// (no second <c>Options</c>: <c>AccountLinkCollectionOptions</c>), enums <c>{Resource}{PropertyPath}</c>
/// (<c>AccountLinkCollectionOptionsFields</c>). When another operation of the resource already took such a name
/// for a different shape, the verb joins the resource (<c>CustomerUpdateAddressOptions</c>). Services are
/// <c>{Resource}Service</c> with <c>{Verb}Async</c> methods and, beside each, <c>{Verb}WithResponseAsync</c>.</item>
/// <item>Names only generated code uses: locals and the parameters named after the spec are declared per method
/// through <see cref="Locals"/>, apart from the class's members and the method's fixed parameters (a property
/// <c>writer</c> next to <c>WriteForm(ref FormWriter writer)</c> reads into <c>writer2</c>); wire names and
/// deprecation messages are constants in private nested classes (<c>WireNames.RefreshUrl</c>), whose names are
/// reserved (<see cref="NestedClasses"/>).</item>
/// </list>
/// </remarks>
internal static partial class Naming
{
    private const string ServiceSuffix = "Service";
    internal const string OptionsSuffix = "Options";
    private const string OwnPrefix = "Own";
    private const string AsyncSuffix = "Async";
    private const string WithResponseWord = "WithResponse";
    private const string CallSuffix = "Call";

    // What leads a name that is a number, where nothing says what the number is.
    private const string NumberPrefix = "Number";

    private static readonly string[] DigitNames = { "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine" };

    public static string Pascal(string name)
    {
        string pascal = PascalWords(name);
        if (pascal.Length == 0)
        {
            return "Empty";
        }

        if (!char.IsDigit(pascal[0]))
        {
            return pascal;
        }

        int digits = 0;
        while (digits < pascal.Length && char.IsDigit(pascal[digits]))
        {
            digits++;
        }

        // A word that begins with digits and goes on in letters says them (3d_secure is ThreeDSecure); a name that
        // is a number needs a word before it, which a caller with more to go on gives (see EnumMember).
        return digits < pascal.Length && char.IsLetter(pascal[digits])
            ? SpellDigits(pascal.Substring(0, digits)) + char.ToUpperInvariant(pascal[digits]) + pascal.Substring(digits + 1)
            : NumberPrefix + pascal;
    }

    /// <summary>
    /// An enum member's name: <see cref="Pascal"/>, except that a value which is a number (an API version
    /// <c>2011-01-01</c>, a protocol version <c>1.0.2</c>) is led by the last word of its enum's name
    /// (<c>Version20110101</c>), which says what the number is.
    /// </summary>
    public static string EnumMember(string wireName, string enumName)
    {
        string pascal = PascalWords(wireName);
        if (pascal.Length == 0 || !char.IsDigit(pascal[0]) || pascal.Any(char.IsLetter))
        {
            return Pascal(wireName);
        }

        List<string> words = Words(enumName);
        return (words.Count > 0 ? words[words.Count - 1] : NumberPrefix) + pascal;
    }

    /// <summary>The name's words joined in PascalCase, as written: separators dropped, nothing added.</summary>
    private static string PascalWords(string name)
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

        return builder.ToString();
    }

    private static string SpellDigits(string digits)
    {
        var builder = new StringBuilder();
        foreach (char digit in digits)
        {
            builder.Append(DigitNames[digit - '0']);
        }

        return builder.ToString();
    }

    /// <summary>Members every generated options class has besides its parameters.</summary>
    public static readonly HashSet<string> OptionsMembers = new(GeneratedMembers.ObjectMembers, System.StringComparer.Ordinal)
    {
        GeneratedMembers.WriteForm, GeneratedMembers.ToFormUrlEncoded, GeneratedMembers.Validate, WireNamesClass, FormNamesClass, DeprecationsClass,
    };

    /// <summary>Members every generated open enum has besides its values.</summary>
    public static readonly HashSet<string> OpenEnumMembers = new(GeneratedMembers.ObjectMembers, System.StringComparer.Ordinal)
    {
        GeneratedMembers.Value, GeneratedMembers.IsKnown, GeneratedMembers.WireNames,
    };

    /// <summary>Members every generated response model has besides its fields.</summary>
    public static readonly HashSet<string> ResponseMembers = new(GeneratedMembers.ObjectMembers, System.StringComparer.Ordinal)
    {
        GeneratedMembers.FromJson, GeneratedMembers.Read, WireNamesClass, JsonNamesClass,
    };

    /// <summary>
    /// A property name that collides with neither its class nor a member the generator or <c>object</c> gives the
    /// class: such names get a <c>Value</c> suffix (<c>write_form</c> → <c>WriteFormValue</c>).
    /// </summary>
    public static string Member(string pascal, string className, HashSet<string> reserved) =>
        pascal == className || reserved.Contains(pascal) ? pascal + ValueWord : pascal;

    /// <summary>An identifier safe to emit: keywords get an <c>@</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

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
    /// The names a generated method declares, kept apart from each other and from every name
    /// <paramref name="inScope"/> says the method sees (a class's members, asked rather than listed).
    /// </summary>
    public static LocalNames Locals(System.Predicate<string> inScope) => new(inScope);

    /// <summary>
    /// The private nested class that holds a generated class's wire names, one constant per member
    /// (<c>WireNames.RefreshUrl</c>): the one place the class spells them.
    /// </summary>
    public const string WireNamesClass = "WireNames";

    /// <summary>The private nested class of an options class's wire names escaped once for the form writer (<c>FormNames.RefreshUrl</c>).</summary>
    public const string FormNamesClass = "FormNames";

    /// <summary>The private nested class of a response model's field names in UTF-8, as the JSON reader compares them (<c>JsonNames.ExpiresAt</c>).</summary>
    public const string JsonNamesClass = "JsonNames";

    /// <summary>The private nested class of an options class's deprecation messages, each written once (<c>Deprecations.Collect</c>).</summary>
    public const string DeprecationsClass = "Deprecations";

    /// <summary>
    /// The nested classes' names: reserved in the classes that have them (a member so named takes a suffix, see
    /// <see cref="Member"/>), and never given to a generated type, which the nested class would hide.
    /// </summary>
    public static readonly HashSet<string> NestedClasses = new(System.StringComparer.Ordinal)
    {
        WireNamesClass, FormNamesClass, JsonNamesClass, DeprecationsClass,
    };

    /// <summary>A member's wire name constant: <c>WireNames.RefreshUrl</c>.</summary>
    public static string WireNameConstant(string memberName) => WireNamesClass + "." + memberName;

    /// <summary>A member's wire name escaped for the form writer: <c>FormNames.RefreshUrl</c>.</summary>
    public static string FormNameField(string memberName) => FormNamesClass + "." + memberName;

    /// <summary>A response field's name in UTF-8: <c>JsonNames.ExpiresAt</c>.</summary>
    public static string JsonNameField(string memberName) => JsonNamesClass + "." + memberName;

    /// <summary>A deprecated member's message: <c>Deprecations.Collect</c>.</summary>
    public static string DeprecationConstant(string memberName) => DeprecationsClass + "." + memberName;

    /// <summary>The synchronous twin of <see cref="ServiceMethod"/>: the verb alone, <c>Create</c>.</summary>
    public static string SyncServiceMethod(string verb) => verb;

    /// <summary>The synchronous twin of <see cref="ServiceMethodWithResponse"/>: <c>CreateWithResponse</c>.</summary>
    public static string SyncServiceMethodWithResponse(string verb) => verb + WithResponseWord;

    /// <summary>
    /// The private nested class of a service with what one operation's methods share (its description, its reader
    /// and its request builder): named by the operation id, which is unique where overloads share a method name, and
    /// kept apart from every method name by its suffix: <c>PostAccountLinksCall</c>.
    /// </summary>
    public static string OperationCallClass(string operationId) => Pascal(operationId) + CallSuffix;

    /// <summary>
    /// The nested class of an operation's overloads that take no options beside those that do (Stripe.net's
    /// <c>BalanceService.Get(requestOptions)</c>, see <see cref="Parsing.StripeNetSingletonReads"/>):
    /// <c>GetBalanceWithoutOptionsCall</c>.
    /// </summary>
    public static string OptionlessCallClass(string operationId) => Pascal(operationId) + "WithoutOptions" + CallSuffix;

    public static string OptionsClass(string resource, string verb) => resource + verb + OptionsSuffix;

    /// <summary>
    /// The options class of an operation on a path without the item parameter its twin has, where the two take
    /// different parameters (<see cref="Parsing.OptionsTwins"/>): it acts on the caller's own item, so
    /// <c>DELETE /v1/account</c> takes <c>OwnAccountDeleteOptions</c> beside <c>AccountDeleteOptions</c>.
    /// </summary>
    public static string OwnOptionsClass(string resource, string verb) => OwnPrefix + OptionsClass(resource, verb);

    public static string Service(string resource) => resource + ServiceSuffix;

    /// <summary>The resource a service calls, from the service's name: the inverse of <see cref="Service"/>.</summary>
    public static string ServiceResource(string serviceName) =>
        serviceName.EndsWith(ServiceSuffix, System.StringComparison.Ordinal) ? serviceName.Substring(0, serviceName.Length - ServiceSuffix.Length) : serviceName;

    public static string ServiceMethod(string verb) => verb + AsyncSuffix;

    /// <summary>
    /// The member beside an object-or-scalar parameter's object property that sends the scalar: <c>ProductId</c> for
    /// the ID (or token) of an object, <c>CreatedExact</c> for a number or time that stands for a range's object.
    /// </summary>
    public static string AlternativeMember(string propertyName, bool isIdString) => propertyName + (isIdString ? "Id" : "Exact");

    /// <summary>The member beside a file parameter with its part's file name: <c>FileName</c> for <c>File</c>.</summary>
    public static string FileNameMember(string propertyName) => propertyName + "Name";

    /// <summary>The member beside a file parameter with its part's content type: <c>FileContentType</c> for <c>File</c>.</summary>
    public static string ContentTypeMember(string propertyName) => propertyName + "ContentType";

    /// <summary>The switch beside an emptyable non-string parameter that sends <c>key=</c>, clearing the field: <c>ClearMetadata</c>.</summary>
    public static string ClearSwitch(string propertyName) => "Clear" + propertyName;

    /// <summary>The static class beside a closed enum with its wire names and <c>ToWireName</c>/<c>TryParse</c>.</summary>
    public static string EnumExtensions(string enumName) => enumName + "Extensions";

    /// <summary>The service method that also returns the response's request id, status and headers.</summary>
    public static string ServiceMethodWithResponse(string verb) => verb + WithResponseWord + AsyncSuffix;

    /// <summary>
    /// The auto-paging twin of a list or search method, as Stripe.net names it: <c>ListAsync</c> gives
    /// <c>ListAutoPagingAsync</c>, <c>ListLineItemsAsync</c> <c>ListLineItemsAutoPagingAsync</c>.
    /// </summary>
    public static string AutoPagingMethod(string methodName) => SyncAutoPagingMethod(methodName) + AsyncSuffix;

    /// <summary>The synchronous twin of <see cref="AutoPagingMethod"/>, as Stripe.net names it: <c>ListAutoPaging</c>.</summary>
    public static string SyncAutoPagingMethod(string methodName) =>
        (methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length) : methodName) + "AutoPaging";

    /// <summary>The static method of a list or search options class that copies the options for one page of an auto-paging walk.</summary>
    public const string PageOptionsMethod = "ForPage";

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

    /// <summary>
    /// The name of a nested options class: <see cref="Nested"/> plus <c>Options</c> unless it already ends so
    /// (<c>collection_options</c>: <c>AccountLinkCollectionOptions</c>). A parameter named <c>options</c> keeps both
    /// (<c>IdentityVerificationSessionOptionsOptions</c>, as Stripe.net has it), or it would take the name of the
    /// options class it is in.
    /// </summary>
    public static string NestedOptions(string resource, IEnumerable<string> propertyPath)
    {
        string name = Nested(resource, propertyPath);
        string? last = propertyPath.LastOrDefault();
        return name.EndsWith(OptionsSuffix, System.StringComparison.Ordinal) && last != "options" ? name : name + OptionsSuffix;
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

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
