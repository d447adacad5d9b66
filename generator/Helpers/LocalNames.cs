using System.Collections.Generic;

namespace AccountLinkGen.Generator.Helpers;

/// <summary>
/// The names one generated method declares (locals, pattern variables, loop variables, lambda and path
/// parameters), each unique among themselves and against every name the method already sees: the members of its
/// class and its own fixed parameters. Made by <see cref="Naming.Locals"/>.
/// </summary>
/// <remarks>
/// One flat set per method, not one per block: a pattern variable in an <c>if</c> condition belongs to the
/// enclosing block, and C# refuses a name in a nested block that an enclosing block declares anywhere, even later.
/// Names every block of the method declares alike (<c>i</c>, <c>item</c>) are declared once and reused in sibling
/// blocks, which C# allows because no enclosing block has them.
/// </remarks>
internal sealed class LocalNames
{
    private readonly HashSet<string> _taken;
    private readonly System.Predicate<string>? _inScope;

    /// <param name="inScope">The names the method sees, as declared (never <c>@</c>-escaped: C# compares names without it).</param>
    public LocalNames(IEnumerable<string> inScope)
    {
        _taken = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (string name in inScope)
        {
            _taken.Add(name);
        }
    }

    /// <param name="inScope">Whether the method sees a name already, as declared: asked of each name it would declare.</param>
    public LocalNames(System.Predicate<string> inScope)
    {
        _taken = new HashSet<string>(System.StringComparer.Ordinal);
        _inScope = inScope;
    }

    /// <summary>
    /// Declares <paramref name="preferred"/>, or, when the method already sees that name, the first of
    /// <c>{preferred}2</c>, <c>{preferred}3</c>, … that it does not; returns it as a C# identifier (<c>@</c> before
    /// a keyword).
    /// </summary>
    public string Declare(string preferred) => Naming.Identifier(DeclareName(preferred));

    /// <summary>Declares a name as <see cref="Declare"/> does, and returns it as declared, without <c>@</c>: for a parameter's <c>&lt;param name&gt;</c>.</summary>
    public string DeclareName(string preferred)
    {
        string name = preferred;
        for (int n = 2; _inScope?.Invoke(name) == true || !_taken.Add(name); n++)
        {
            name = preferred + Naming.Invariant(n);
        }

        return name;
    }

    /// <summary>Declares the camelCase form of a member name (<c>RefreshUrl</c> → <c>refreshUrl</c>).</summary>
    public string DeclareCamel(string memberName, string suffix = "") => Declare(Naming.Camel(memberName) + suffix);
}
