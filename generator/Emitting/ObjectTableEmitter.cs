using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits a spec's object table: a switch from a resource's <c>object</c> value to its model's reader, which the
/// spec's own event model reads <c>data.object</c> with, and which a module initializer registers with the runtime
/// for <c>StripeWebhook.ConstructEvent</c> (the runtime cannot name generated types).
/// </summary>
internal static class ObjectTableEmitter
{
    public static string Emit(SpecModel spec, ObjectTableModel table)
    {
        // CA2255 warns that a library's module initializer may run code at load time the application does not
        // expect; registering a table is all this one does, and it must happen before any event is read.
        SourceWriter writer = SourceFile.Start(spec, "CA2255");
        string qualifier = "global::" + spec.Namespace + ".";
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Reads a Stripe object into the response model its <c>object</c> value names: the table that an event's");
        writer.WriteLine($"/// <c>data.object</c> is read with, by the generated event model and by <see cref=\"{TypeNames.Runtime}.StripeWebhook\"/>.");
        writer.WriteLine("/// For generated code.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.WriteLine($"internal static class {table.Name}");
        using (writer.Braces())
        {
            writer.WriteLine($"/// <summary>Registers the table for <see cref=\"{TypeNames.Runtime}.StripeWebhook\"/> when this assembly loads.</summary>");
            writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.WriteLine($"internal static void Register() => {TypeNames.Runtime}.StripeObjects.Register(Read);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// Reads the object the reader is on as the model that <paramref name=\"objectType\"/> names (its deleted form's when");
            writer.WriteLine("/// <paramref name=\"deleted\"/> and the spec has one); null, having read nothing, when no model has that value.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("public static object? Read(string objectType, bool deleted, ref global::System.Text.Json.Utf8JsonReader reader)");
            using (writer.Braces())
            {
                writer.WriteLine("switch (objectType)");
                using (writer.Braces())
                {
                    // A deleted object shares its live form's value and says deleted: true; its case comes first, and
                    // one whose deleted form has no model reads as the live form.
                    foreach (bool deleted in new[] { true, false })
                    {
                        foreach (ObjectTableEntry entry in table.Entries)
                        {
                            if (entry.Deleted == deleted)
                            {
                                writer.WriteLine($"case {DocText.Literal(entry.ObjectValue)}{(deleted ? " when deleted" : string.Empty)}:");
                                writer.Indentation++;
                                writer.WriteLine($"return {TypeNames.Qualified(qualifier, entry.TypeName)}.Read(ref reader);");
                                writer.Indentation--;
                            }
                        }
                    }

                    writer.WriteLine("default:");
                    writer.Indentation++;
                    writer.WriteLine("return null;");
                    writer.Indentation--;
                }
            }
        }

        return writer.Complete();
    }
}
