using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>Emits the event type constants: one <c>const string</c> per type the spec's webhook endpoints can enable.</summary>
internal static class EventTypesEmitter
{
    public static string Emit(SpecModel spec, EventTypesModel model)
    {
        SourceWriter writer = SourceFile.StartType(
            spec,
            model.Name,
            "The event types Stripe sends, as an event's type field holds them: compare StripeEvent.Type with these.",
            () => string.Empty,
            "static class " + Naming.DeclaredName(model.Name));
        using (writer.Braces())
        {
            bool first = true;
            foreach (EventTypeModel type in model.Types)
            {
                if (!first)
                {
                    writer.WriteLine();
                }

                first = false;
                writer.WriteLine($"/// <summary>The <c>{DocText.EscapeXml(type.Value)}</c> event.</summary>");
                writer.WriteLine($"public const string {Naming.Identifier(type.Name)} = {DocText.Literal(type.Value)};");
            }
        }

        return writer.Complete();
    }
}
