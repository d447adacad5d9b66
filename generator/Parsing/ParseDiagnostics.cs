using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// The diagnostics of one parse, in the order they are reported. One about a node of the spec names it by JSON
/// pointer; every pointer is placed when the parse ends (<see cref="ToArray"/>), all in one walk of the text.
/// </summary>
internal sealed class ParseDiagnostics
{
    private readonly SpecLocator _locator;
    private readonly List<Reported> _reported = new();

    public ParseDiagnostics(SpecLocator locator) => _locator = locator;

    /// <summary>Reports a problem at the node <paramref name="pointer"/> names (or its nearest ancestor in the text).</summary>
    public void Report(DiagnosticDescriptor descriptor, string? pointer, params string[] arguments) =>
        _reported.Add(new Reported(descriptor, pointer, null, ByPointer: true, arguments));

    /// <summary>Reports a problem at a known place, or without one (an MSBuild setting).</summary>
    public void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        _reported.Add(new Reported(descriptor, null, location, ByPointer: false, arguments));

    /// <summary>Every diagnostic reported, each pointer placed.</summary>
    public EquatableArray<DiagnosticInfo> ToArray()
    {
        var pointers = new List<string?>();
        foreach (Reported reported in _reported)
        {
            if (reported.ByPointer)
            {
                pointers.Add(reported.Pointer);
            }
        }

        IReadOnlyList<LocationInfo> located = pointers.Count == 0 ? new LocationInfo[0] : _locator.Locate(pointers);
        var diagnostics = new List<DiagnosticInfo>(_reported.Count);
        int next = 0;
        foreach (Reported reported in _reported)
        {
            LocationInfo? location = reported.ByPointer ? located[next++] : reported.Location;
            diagnostics.Add(new DiagnosticInfo(reported.Descriptor, location, reported.Arguments.ToEquatableArray()));
        }

        return diagnostics.ToEquatableArray();
    }

    private sealed record Reported(DiagnosticDescriptor Descriptor, string? Pointer, LocationInfo? Location, bool ByPointer, string[] Arguments);
}
