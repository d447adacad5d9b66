using System;
using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// The types one spec generates, by name. Options classes, enums and response models share one namespace in the
/// output, so a name belongs to one type of any kind: adding a model fails when another type has its name, and
/// succeeds without adding anything when an equal model has it (one enum reached from two parameters).
/// </summary>
internal sealed class GeneratedTypes
{
    private readonly Dictionary<string, OptionsClassModel> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResponseModel> _responses = new(StringComparer.Ordinal);

    /// <summary>The options classes in the order they were added; the replacement resolver completes them in place.</summary>
    public List<OptionsClassModel> OptionsClasses { get; } = new();

    public List<EnumModel> Enums { get; } = new();

    public List<ResponseModel> Responses { get; } = new();

    /// <summary>
    /// The names the spec's component schemas give their response models, whichever operations are kept: a
    /// request type whose natural name is among them takes its verb-qualified name, so that a name never depends on
    /// which operations a filter keeps (or on the order they are read in).
    /// </summary>
    public HashSet<string> ResponseNames { get; } = new(StringComparer.Ordinal);

    public bool TryAddEnum(EnumModel model) => TryAdd(_enums, Enums, model.Name, model);

    public bool TryAddOptions(OptionsClassModel model) => TryAdd(_options, OptionsClasses, model.Name, model);

    public bool TryAddResponse(ResponseModel model) => TryAdd(_responses, Responses, model.Name, model);

    public bool HasResponse(string name) => _responses.ContainsKey(name);

    /// <summary>The enum of the name, or null.</summary>
    public EnumModel? EnumNamed(string name) => _enums.TryGetValue(name, out EnumModel? model) ? model : null;

    /// <summary>The response model of that name, or null.</summary>
    public ResponseModel? ResponseOf(string name) => _responses.TryGetValue(name, out ResponseModel? model) ? model : null;

    /// <summary>The options class of that name, or null.</summary>
    public OptionsClassModel? OptionsOf(string name) => _options.TryGetValue(name, out OptionsClassModel? model) ? model : null;

    /// <summary>Whether a type of any kind has the name.</summary>
    public bool Has(string name) => _options.ContainsKey(name) || _enums.ContainsKey(name) || _responses.ContainsKey(name);

    /// <summary>
    /// Every response model read from a schema with a constant <c>object</c> value, for the object table; several
    /// models may share a value (each list envelope has <c>list</c>), which the table leaves out.
    /// </summary>
    public List<ObjectTableEntry> Resources { get; } = new();

    private bool TryAdd<T>(Dictionary<string, T> byName, List<T> list, string name, T model)
        where T : class, IEquatable<T>
    {
        if (byName.TryGetValue(name, out T? existing))
        {
            return existing.Equals(model);
        }

        if (_options.ContainsKey(name) || _enums.ContainsKey(name) || _responses.ContainsKey(name) || Naming.NestedClasses.Contains(name))
        {
            // A type named like the nested classes of generated classes would be hidden by them inside those classes.
            return false;
        }

        byName.Add(name, model);
        list.Add(model);
        return true;
    }
}
