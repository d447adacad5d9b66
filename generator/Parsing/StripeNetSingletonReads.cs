using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: the read of a top-level singleton whose only parameter is
/// <c>expand</c> (<c>GET /v1/balance</c>, <c>GET /v1/account</c>, <c>GET /v1/tax/settings</c>) also takes request
/// options alone, as Stripe.net 42's does: <c>BalanceService.Get(requestOptions)</c>,
/// <c>AccountService.GetSelf(requestOptions)</c>. The read with options stays beside it, as later Stripe.net versions
/// have it (<c>Get(BalanceGetOptions options, RequestOptions requestOptions = null)</c>), so expansions can still be
/// asked for. Its options lose their default value (they may still be null), so that a call names one of the two:
/// <c>Get()</c>, <c>Get(requestOptions)</c> and <c>Get(null)</c> the first, <c>Get(options)</c> and
/// <c>Get(null, requestOptions)</c> the second. Only <c>GetAsync(null)</c>, which leaves a default to fill in either
/// way, fits both and does not compile, as in those later versions.
/// </summary>
internal static class StripeNetSingletonReads
{
    private const string Expand = "expand";

    public static SpecModel Apply(SpecModel spec)
    {
        var options = StripeNetNamespaces.OptionsByName(spec);
        var operations = new List<OperationModel>();
        foreach (OperationModel operation in spec.Operations)
        {
            if (IsSingletonRead(operation) && operation.OptionsClass is { } name && options.TryGetValue(name, out OptionsClassModel? model)
                && model.Properties.All(p => p.WireName == Expand))
            {
                operations.Add(operation with
                {
                    OptionsClass = null,
                    OptionsRequired = false,
                    Body = BodyModel.None,
                    Names = operation.Names with { Call = Naming.OptionlessCallClass(operation.OperationId) },
                });
                operations.Add(operation with { OptionsWithoutDefault = true });
            }
            else
            {
                operations.Add(operation);
            }
        }

        return operations.Count == spec.Operations.Count ? spec : spec with { Operations = operations.ToEquatableArray() };
    }

    /// <summary>A <c>GET</c> of one object at a path without parameters: not a list, not a search, not a download.</summary>
    private static bool IsSingletonRead(OperationModel operation) =>
        operation.HttpMethodName == "Get" && operation.PathParameters.Count == 0 && operation.Response.Kind == TypeKind.Object;
}
