using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: decides Stripe.net's webhook helpers, <c>EventUtility</c> and
/// Stripe.net 42's <c>Events</c> constants, where the spec has what they stand on: its event types and a model of its
/// <c>event</c> resource with the <c>type</c> and <c>data</c> fields. Where another type already has either name, the
/// name is left to it and neither helper is generated.
/// </summary>
internal static class StripeNetEvents
{
    public static SpecModel Apply(SpecModel spec)
    {
        string root = Naming.GlobalPrefix + spec.Namespace + ".";
        ResponseModel? eventModel = spec.Responses.FirstOrDefault(r => r.Name == root + Naming.EventResource);
        if (spec.EventTypes is null || eventModel is null || !Has(eventModel, "type") || !Has(eventModel, "data"))
        {
            return spec;
        }

        var taken = new HashSet<string>(StripeNetNamespaces.AllTypeNames(spec), StringComparer.Ordinal) { root + spec.EventTypes.Name };
        string events = root + Naming.StripeNetEventsClass;
        string utility = root + Naming.StripeNetEventUtilityClass;
        if (taken.Contains(events) || taken.Contains(utility))
        {
            return spec;
        }

        string? apiVersion = eventModel.Properties.FirstOrDefault(p => p.WireName == "api_version" && p.Type.Kind == TypeKind.String)?.Name;
        return spec with { StripeNetEvents = new StripeNetEventsModel(events, utility, eventModel.Name, apiVersion) };
    }

    private static bool Has(ResponseModel model, string wireName) => model.Properties.Any(p => p.WireName == wireName);
}
