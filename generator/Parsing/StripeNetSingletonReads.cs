using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: the read of a top-level singleton whose only parameter is
/// <c>expand</c> (<c>GET /v1/balance</c>, <c>GET /v1/account</c>, <c>GET /v1/tax/settings</c>) takes no options, as in
/// Stripe.net: <c>BalanceService.Get(requestOptions)</c>, <c>AccountService.GetSelf(requestOptions)</c>. Its options
/// class goes with it, unless another operation takes it too (the account's, which <c>/v1/accounts/{account}</c>
/// takes). The generator's own shape keeps the options, which can ask for expansions.
/// </summary>
internal static class StripeNetSingletonReads
{
    private const string Expand = "expand";

    public static SpecModel Apply(SpecModel spec)
    {
        var options = spec.OptionsClasses.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var operations = new List<OperationModel>();
        foreach (OperationModel operation in spec.Operations)
        {
            if (IsSingletonRead(operation) && operation.OptionsClass is { } name && options.TryGetValue(name, out OptionsClassModel? model)
                && model.Properties.All(p => p.WireName == Expand))
            {
                dropped.Add(name);
                operations.Add(operation with { OptionsClass = null, OptionsRequired = false, Body = BodyModel.None });
            }
            else
            {
                operations.Add(operation);
            }
        }

        if (dropped.Count == 0)
        {
            return spec;
        }

        dropped.ExceptWith(operations.Select(o => o.OptionsClass).OfType<string>());
        return spec with
        {
            Operations = operations.ToEquatableArray(),
            OptionsClasses = spec.OptionsClasses.Where(o => !dropped.Contains(o.Name)).ToEquatableArray(),
        };
    }

    /// <summary>A <c>GET</c> of one object at a path without parameters: not a list, not a search, not a download.</summary>
    private static bool IsSingletonRead(OperationModel operation) =>
        operation.HttpMethodName == "Get" && operation.PathParameters.Count == 0 && operation.Response.Kind == TypeKind.Object;
}
