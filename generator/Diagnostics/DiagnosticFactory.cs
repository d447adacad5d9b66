using System.Linq;
using AccountLinkGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AccountLinkGen.Generator.Diagnostics;

/// <summary>Turns the model's <see cref="DiagnosticInfo"/> into Roslyn diagnostics at report time.</summary>
internal static class DiagnosticFactory
{
    public static Diagnostic Create(DiagnosticInfo info) =>
        Diagnostic.Create(
            info.Descriptor,
            ToLocation(info.Location),
            info.Arguments.Cast<object>().ToArray());

    private static Location ToLocation(LocationInfo? location) =>
        location is null
            ? Location.None
            : Location.Create(
                location.FilePath,
                new TextSpan(location.Start, location.Length),
                new LinePositionSpan(
                    new LinePosition(location.StartLine, location.StartColumn),
                    new LinePosition(location.EndLine, location.EndColumn)));
}
