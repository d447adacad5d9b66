namespace AccountLinkGen.Generator.Helpers;

/// <summary>
/// The members generated code declares beside the spec's and calls from one generated type on another: the
/// runtime's contract (<c>IFormEncodable.WriteForm</c>), a model's reader, an options class's validator, an enum's
/// wire names. Each is spelled here once: <see cref="Naming"/>'s reserved sets, which keep spec members from taking
/// these names, and the emitters, which declare and call them, both read them from here.
/// </summary>
internal static class GeneratedMembers
{
    public const string WriteForm = "WriteForm";
    public const string ToFormUrlEncoded = "ToFormUrlEncoded";
    public const string Validate = "Validate";
    public const string FromJson = "FromJson";
    public const string Read = "Read";
    public const string ToWireName = "ToWireName";
    public const string TryParse = "TryParse";
    public const string IsDefined = "IsDefined";

    /// <summary>An open enum's wire string.</summary>
    public const string Value = "Value";

    /// <summary>Whether an open enum's value is one the spec lists.</summary>
    public const string IsKnown = "IsKnown";

    /// <summary>An enum's table of wire names (on a closed enum's extensions class, and on an open enum).</summary>
    public const string WireNames = "WireNames";

    /// <summary>In the Stripe.net compatibility mode, the options' method that adds a field to expand, as Stripe.net's <c>BaseOptions</c> has it.</summary>
    public const string AddExpand = "AddExpand";

    /// <summary>What <c>object</c> gives every class and struct: no generated member may hide one.</summary>
    public static readonly string[] ObjectMembers = { "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize" };
}
