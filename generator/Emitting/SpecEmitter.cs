using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Hands each artifact of a spec model to its emitter and adds the results, in a deterministic order. It reports
/// nothing: the diagnostics output does (see <c>GeneratorDiagnostics</c>).
/// </summary>
internal static class SpecEmitter
{
    public static void Emit(SourceProductionContext context, PlacedSpec placed, CompilationFacts facts)
    {
        SpecModel spec = placed.Spec;
        SpecPlacement placement = placed.Placement;

        if (!placed.IsEmitted(facts))
        {
            return;
        }

        var summaries = new TypeSummaries(spec);
        foreach (EnumModel model in spec.Enums)
        {
            context.AddSource(SourceFile.HintName(placement, model.Name), EnumEmitter.Emit(spec, model, facts.HasRuntime, summaries));
        }

        // One file per options class with its encoder and validator parts: a file per part tripled the number of
        // sources, and the compiler's cost per added source grows with the number already added.
        foreach (OptionsClassModel model in spec.OptionsClasses)
        {
            SourceWriter writer = SourceFile.StartFor(spec, model.Name);
            OptionsEmitter.Write(writer, spec, model, facts.HasRuntime, summaries);
            if (facts.HasRuntime)
            {
                writer.WriteLine();
                EncoderEmitter.Write(writer, model);
                writer.WriteLine();
                ValidatorEmitter.Write(writer, spec, model);
            }

            context.AddSource(SourceFile.HintName(placement, model.Name), writer.Complete());
        }

        foreach (ResponseModel model in spec.Responses)
        {
            context.AddSource(SourceFile.HintName(placement, model.Name), ResponseEmitter.Emit(spec, model, facts.HasRuntime, summaries));
        }

        if (spec.EventTypes is { } eventTypes)
        {
            context.AddSource(SourceFile.HintName(placement, eventTypes.Name), EventTypesEmitter.Emit(spec, eventTypes));
            if (spec.StripeNetEvents is { } stripeNet)
            {
                // Stripe.net 42's name for the same constants.
                context.AddSource(SourceFile.HintName(placement, stripeNet.EventsName), EventTypesEmitter.Emit(spec, eventTypes with { Name = stripeNet.EventsName }));
                if (facts.HasRuntime)
                {
                    context.AddSource(SourceFile.HintName(placement, stripeNet.UtilityName), EventUtilityEmitter.Emit(spec, stripeNet));
                }
            }
        }

        if (facts.HasRuntime && spec.ObjectTable is { } table)
        {
            context.AddSource(SourceFile.HintName(placement, table.Name), ObjectTableEmitter.Emit(spec, table));
        }

        if (facts.HasRuntime && facts.HasClient)
        {
            foreach (var service in GroupByService(spec.Operations))
            {
                context.AddSource(SourceFile.HintName(placement, service.Key), ServiceEmitter.Emit(spec, service.Key, service.Value));
            }

            if (placed.Services is { } accessor)
            {
                context.AddSource(SourceFile.HintName(placement, accessor.Root.TypeName), ServiceAccessorEmitter.Emit(spec, accessor));
                if (facts.HasDependencyInjection)
                {
                    context.AddSource(SourceFile.HintName(placement, accessor.RegistrationClass), ServiceRegistrationEmitter.Emit(spec, accessor, facts.HasClientRegistration));
                }
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, List<OperationModel>>> GroupByService(IEnumerable<OperationModel> operations)
    {
        var services = new Dictionary<string, List<OperationModel>>();
        var order = new List<string>();
        foreach (OperationModel operation in operations)
        {
            if (!services.TryGetValue(operation.ServiceName, out List<OperationModel>? list))
            {
                list = new List<OperationModel>();
                services.Add(operation.ServiceName, list);
                order.Add(operation.ServiceName);
            }

            list.Add(operation);
        }

        foreach (string name in order)
        {
            yield return new KeyValuePair<string, List<OperationModel>>(name, services[name]);
        }
    }
}
