using System.Text.RegularExpressions;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// A parameter the spec has that the harness could not put in the request (or a generated member the spec lacks).
/// Each one fails the case, unless the generator skipped that very parameter with ALG0004 (<see cref="GeneratorSkips"/>).
/// </summary>
/// <param name="Path">The parameter as it would go on the wire: <c>collection_options[fields]</c>.</param>
/// <param name="NoMember">Whether the cause is that the generated options have no member for it, which only ALG0004 may explain.</param>
internal sealed record RequestGap(string Path, string Reason, bool NoMember)
{
    /// <summary>The dotted wire path the generator's diagnostics use (<c>collection_options.fields</c>), without list indexes.</summary>
    public string Parameter => Regex.Replace(Path, @"\[(\d+)\]", string.Empty).Replace("[", ".", System.StringComparison.Ordinal).Replace("]", string.Empty, System.StringComparison.Ordinal);

    public override string ToString() => $"{(Path.Length == 0 ? "(options)" : Path)}: {Reason}";
}
