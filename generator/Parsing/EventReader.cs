using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// What typed webhook events need from a spec, read once its operations are: the object table (every response
/// model with a constant <c>object</c> value) and the event type constants (<see cref="StripeConventions.EventTypes"/>).
/// </summary>
internal static class EventReader
{
    /// <summary>
    /// The table of the response models that one <c>object</c> value (and <c>deleted</c> flag) names alone; null
    /// when the spec generates no response model.
    /// </summary>
    public static ObjectTableModel? ReadObjectTable(string specPath, GeneratedTypes types)
    {
        if (types.Responses.Count == 0)
        {
            return null;
        }

        var entries = types.Resources
            .GroupBy(entry => (entry.ObjectValue, entry.Deleted))
            .Where(group => group.Select(entry => entry.TypeName).Distinct(StringComparer.Ordinal).Count() == 1)
            .Select(group => group.First())
            .OrderBy(entry => entry.ObjectValue, StringComparer.Ordinal)
            .ThenBy(entry => entry.Deleted)
            .ToEquatableArray();
        return new ObjectTableModel(Naming.Unique(Naming.ObjectTable(specPath), types.Has), entries);
    }

    /// <summary>The event type constants; null when the spec lists no event types, or (ALG0005) when their class's name is taken.</summary>
    public static EventTypesModel? ReadEventTypes(OpenApiDocument document, GeneratedTypes types, ReferenceResolver references, ParseDiagnostics diagnostics)
    {
        var constants = new List<EventTypeModel>();
        var names = new HashSet<string>(StringComparer.Ordinal) { Naming.EventTypesClass };
        foreach (string value in StripeConventions.EventTypes(document, references.Follow).Distinct(StringComparer.Ordinal))
        {
            // A constant cannot share its class's name, nor another's: numbered like enum members that differ in punctuation only.
            string name = Naming.Unique(Naming.EventType(value), names.Contains);
            names.Add(name);
            constants.Add(new EventTypeModel(value, name));
        }

        if (constants.Count == 0)
        {
            return null;
        }

        if (types.Has(Naming.EventTypesClass))
        {
            string pointer = "#/paths/" + JsonPointer.Escape(StripeConventions.WebhookEndpointsPath) + "/post/requestBody/content/"
                + JsonPointer.Escape(StripeConventions.FormContentType) + "/schema/properties/" + StripeConventions.EnabledEvents;
            diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer, Naming.EventTypesClass, "another generated type", "the event type constants");
            return null;
        }

        return new EventTypesModel(Naming.EventTypesClass, constants.ToEquatableArray());
    }
}
