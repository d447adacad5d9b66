using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// The private nested classes generated classes keep their names and messages in (<c>WireNames</c>, <c>FormNames</c>,
/// <c>JsonNames</c>, <c>Deprecations</c>): a summary, the class, one member per line.
/// </summary>
internal static class NestedClass
{
    /// <param name="summary">The class's doc summary, as doc markup.</param>
    /// <param name="name">The class's name, one of <see cref="Naming.NestedClasses"/>.</param>
    /// <param name="members">Each member's declaration, such as <c>public const string Type = "type";</c>.</param>
    public static void Write(SourceWriter writer, string summary, string name, IEnumerable<string> members)
    {
        writer.WriteLine($"/// <summary>{summary}</summary>");
        writer.WriteLine($"private static class {name}");
        using (writer.Braces())
        {
            foreach (string member in members)
            {
                writer.WriteLine(member);
            }
        }
    }
}
