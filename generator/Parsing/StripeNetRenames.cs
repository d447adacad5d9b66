using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// The class renames one <c>StripeNet*</c> pass makes: each set is taken whole or not at all, never onto a name
/// another type has or an earlier set took, and all are applied to the model at the end.
/// </summary>
internal sealed class StripeNetRenames
{
    private readonly HashSet<string> _taken;
    private readonly Dictionary<string, string> _classes = new(StringComparer.Ordinal);

    public StripeNetRenames(SpecModel spec) =>
        _taken = new HashSet<string>(StripeNetNamespaces.AllTypeNames(spec), StringComparer.Ordinal);

    /// <summary>Takes the renames and the other new names (a service's), unless one of them is taken already.</summary>
    public bool TryTake(IReadOnlyDictionary<string, string> renames, params string[] newNames)
    {
        if (renames.Values.Concat(newNames).Any(_taken.Contains))
        {
            return false;
        }

        _taken.UnionWith(renames.Values);
        _taken.UnionWith(newNames);
        foreach (var rename in renames)
        {
            _classes[rename.Key] = rename.Value;
        }

        return true;
    }

    /// <summary>The model with every rename taken.</summary>
    public SpecModel Apply(SpecModel spec) => StripeNetNamespaces.Rename(spec, _classes);
}
