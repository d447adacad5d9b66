using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>What the parser collects while it walks one spec: generated types by name, and diagnostics.</summary>
internal sealed class ParseContext
{
    private readonly Dictionary<string, OptionsClassModel> _optionsByName = new();
    private readonly Dictionary<string, EnumModel> _enumsByName = new();
    private readonly Dictionary<string, ResponseModel> _responsesByName = new();

    public ParseContext(SpecLocator locator) => Locator = locator;

    public SpecLocator Locator { get; }

    public List<OptionsClassModel> OptionsClasses { get; } = new();

    public List<EnumModel> Enums { get; } = new();

    public List<ResponseModel> Responses { get; } = new();

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public HashSet<string> ResponsesInProgress { get; } = new();

    private readonly HashSet<string> _unresolvedReferences = new(System.StringComparer.Ordinal);

    public bool HasUnresolvedReferences => _unresolvedReferences.Count > 0;

    /// <summary>Reports a <c>$ref</c> that points nowhere, once per place.</summary>
    public void ReportUnresolved(string target, LocationInfo location)
    {
        _unresolvedReferences.Add(target);
        Report("ALG0003", location, "$ref", target, "the schema that uses it");
    }

    public bool IsReportedUnresolved(string? target) => target is not null && _unresolvedReferences.Contains(target);

    public void Report(string id, string? pointer, params string[] arguments) =>
        Diagnostics.Add(new DiagnosticInfo(id, Locator.Locate(pointer), arguments.ToEquatableArray()));

    public void Report(string id, LocationInfo? location, params string[] arguments) =>
        Diagnostics.Add(new DiagnosticInfo(id, location, arguments.ToEquatableArray()));

    /// <summary>Adds an enum, or reuses an equal one of the same name; false when the name is taken by a different enum.</summary>
    public bool TryAddEnum(EnumModel model) => TryAdd(_enumsByName, Enums, model.Name, model);

    /// <summary>Adds an options class, or reuses an equal one; false when the name is taken by a different class.</summary>
    public bool TryAddOptions(OptionsClassModel model) => TryAdd(_optionsByName, OptionsClasses, model.Name, model);

    public bool HasResponse(string name) => _responsesByName.ContainsKey(name);

    public void AddResponse(ResponseModel model)
    {
        _responsesByName[model.Name] = model;
        Responses.Add(model);
    }

    /// <summary>Whether a name is already used by a generated type of another kind.</summary>
    public bool IsTypeNameTaken(string name) =>
        _optionsByName.ContainsKey(name) || _enumsByName.ContainsKey(name) || _responsesByName.ContainsKey(name);

    private static bool TryAdd<T>(Dictionary<string, T> byName, List<T> list, string name, T model)
        where T : class
    {
        if (byName.TryGetValue(name, out T? existing))
        {
            return existing.Equals(model);
        }

        byName.Add(name, model);
        list.Add(model);
        return true;
    }
}
