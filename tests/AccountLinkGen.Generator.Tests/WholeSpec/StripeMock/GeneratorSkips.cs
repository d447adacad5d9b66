using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Parsing;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>One place the generator skipped with ALG0004: an operation, or one parameter of its request.</summary>
/// <param name="Parameter">The parameter's dotted wire path as the diagnostic names it; null when the whole operation is skipped.</param>
internal sealed record GeneratorSkip(string OperationId, string? Parameter, string Message);

/// <summary>
/// The generator's ALG0004 diagnostics for a spec, each tied to the operation it is in: the only places the
/// acceptance run may leave a parameter unsent or an operation untried. The diagnostic's location in the spec text
/// is turned back into the JSON pointer it was reported at (with the generator's own <see cref="SpecLocator"/>), and
/// the pointer names the operation; the diagnostic's first argument names the parameter.
/// </summary>
internal sealed class GeneratorSkips
{
    private const string SkippedParameter = "the parameter";
    private const string SkippedOperation = "the operation";

    private readonly Dictionary<(string OperationId, string? Parameter), GeneratorSkip> _skips;

    private GeneratorSkips(Dictionary<(string, string?), GeneratorSkip> skips, IReadOnlyList<string> unplaced)
    {
        _skips = skips;
        Unplaced = unplaced;
    }

    /// <summary>Every skip that belongs to an operation.</summary>
    public IReadOnlyCollection<GeneratorSkip> All => _skips.Values;

    /// <summary>ALG0004 messages that could not be tied to one operation and one parameter (or the operation itself).</summary>
    public IReadOnlyList<string> Unplaced { get; }

    public static GeneratorSkips From(SpecModel model, string specPath, string specText, IEnumerable<(string OperationId, string HttpMethod, string Path)> operations)
    {
        var byPathAndMethod = operations.ToDictionary(o => (o.Path, o.HttpMethod.ToLowerInvariant()), o => o.OperationId);
        List<DiagnosticInfo> reported = model.Diagnostics.Where(d => d.Id == DiagnosticDescriptors.UnsupportedSchema.Id).ToList();
        Dictionary<int, string> pointers = PointersAt(specPath, specText, reported.Select(d => d.Location?.Start ?? -1));

        var skips = new Dictionary<(string, string?), GeneratorSkip>();
        var unplaced = new List<string>();
        foreach (DiagnosticInfo info in reported)
        {
            string message = DiagnosticFactory.Create(info).GetMessage(CultureInfo.InvariantCulture);
            string[] segments = info.Location is { } location && pointers.TryGetValue(location.Start, out string? pointer) ? pointer.Split('/') : Array.Empty<string>();
            string? skipped = info.Arguments.Count == 3 ? info.Arguments[2] : null;
            string? parameter = skipped == SkippedParameter ? info.Arguments[0] : null;
            if (segments.Length < 4 || segments[1] != "paths" || (skipped != SkippedParameter && skipped != SkippedOperation)
                || !byPathAndMethod.TryGetValue((Unescape(segments[2]), segments[3]), out string? operationId))
            {
                unplaced.Add(message);
            }
            else if (!skips.TryAdd((operationId, parameter), new GeneratorSkip(operationId, parameter, message)))
            {
                unplaced.Add(message + " (a second ALG0004 for the same place)");
            }
        }

        return new GeneratorSkips(skips, unplaced);
    }

    /// <summary>The skip of this operation's parameter (a dotted wire path), or of the whole operation when it is null.</summary>
    public GeneratorSkip? Find(string operationId, string? parameter) => _skips.GetValueOrDefault((operationId, parameter));

    /// <summary>The pointer of the spec node at each of <paramref name="starts"/>, the first one in document order.</summary>
    private static Dictionary<int, string> PointersAt(string specPath, string specText, IEnumerable<int> starts)
    {
        var wanted = new HashSet<int>(starts);
        var pointers = new Dictionary<int, string>();
        if (wanted.Count == 0)
        {
            return pointers;
        }

        var locator = new SpecLocator(specPath, specText);
        foreach (string pointer in locator.IndexedPointers)
        {
            int start = locator.LocateByIndex(pointer).Start;
            if (wanted.Contains(start))
            {
                pointers.TryAdd(start, pointer);
            }
        }

        return pointers;
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
