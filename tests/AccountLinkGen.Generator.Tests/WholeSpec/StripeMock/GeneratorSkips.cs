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
        List<DiagnosticInfo> reported = model.Diagnostics.Where(d => d.Id == DiagnosticDescriptors.UnsupportedSchema.Id).ToList();
        OperationRegions regions = OperationRegions.Of(specPath, specText, operations.ToList());

        var skips = new Dictionary<(string, string?), GeneratorSkip>();
        var unplaced = new List<string>();
        foreach (DiagnosticInfo info in reported)
        {
            string message = DiagnosticFactory.Create(info).GetMessage(CultureInfo.InvariantCulture);
            string? operationId = info.Location is { } location ? regions.OperationAt(location.Start) : null;
            string? skipped = info.Arguments.Count == 3 ? info.Arguments[2] : null;
            string? parameter = skipped == SkippedParameter ? info.Arguments[0] : null;
            if (operationId is null || (skipped != SkippedParameter && skipped != SkippedOperation))
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

    /// <summary>
    /// Where each operation's part of the spec text starts, with the generator's own <see cref="SpecLocator"/>: an
    /// operation runs from its method key to the next key the text has at the same or a higher level (another method,
    /// another path, another top-level section). A place in none of them (a shared component) is in no operation.
    /// </summary>
    private sealed class OperationRegions
    {
        private readonly List<(int Start, string? OperationId)> _starts;

        private OperationRegions(List<(int Start, string? OperationId)> starts) => _starts = starts;

        public static OperationRegions Of(string specPath, string specText, IReadOnlyList<(string OperationId, string HttpMethod, string Path)> operations)
        {
            var locator = new SpecLocator(specPath, specText);
            var keys = new List<(string Pointer, string? OperationId)>();
            keys.AddRange(locator.TopLevelKeys.Select(k => ("#/" + JsonPointer.Escape(k), (string?)null)));
            keys.AddRange(operations.Select(o => "#/paths/" + JsonPointer.Escape(o.Path)).Distinct().Select(p => (p, (string?)null)));
            keys.AddRange(operations.Select(o => ("#/paths/" + JsonPointer.Escape(o.Path) + "/" + o.HttpMethod.ToLowerInvariant(), (string?)o.OperationId)));
            IReadOnlyList<LocationInfo> located = locator.Locate(keys.Select(k => (string?)k.Pointer).ToList());
            var starts = keys.Select((k, i) => (located[i].Start, k.OperationId)).OrderBy(s => s.Start).ToList();
            return new OperationRegions(starts);
        }

        /// <summary>The operation whose part of the text holds <paramref name="index"/>, or null.</summary>
        public string? OperationAt(int index)
        {
            string? operationId = null;
            foreach ((int start, string? id) in _starts)
            {
                if (start > index)
                {
                    break;
                }

                operationId = id;
            }

            return operationId;
        }
    }
}
