using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits the wrapper of a union response (a customer or a deleted customer): one nullable property per object and,
/// with the runtime referenced, a reader that looks at the object's <c>object</c> and <c>deleted</c> fields first
/// and then reads it as the matching model.
/// </summary>
internal static class ResponseUnionEmitter
{
    public static string Emit(SpecModel spec, ResponseModel model, bool hasRuntime, TypeSummaries summaries)
    {
        string qualifier = "global::" + spec.Namespace + ".";
        SourceWriter writer = SourceFile.StartType(spec, model.Name, model.Description, () => summaries.For(model), $"sealed partial class {Naming.DeclaredName(model.Name)}");
        using (writer.Braces())
        {
            bool first = true;
            foreach (ResponseVariantModel variant in model.Variants)
            {
                if (!first)
                {
                    writer.WriteLine();
                }

                first = false;
                writer.WriteLine($"/// <summary>The {(variant.Deleted ? "deleted " : string.Empty)}<c>{DocText.EscapeXml(variant.ObjectValue)}</c> object, when the response is one; else null.</summary>");
                writer.WriteLine($"public {TypeNames.Qualified(qualifier, variant.TypeName)}? {variant.PropertyName} {ResponseEmitter.Accessors(spec)}");
            }

            if (hasRuntime)
            {
                writer.WriteLine();
                WriteReader(writer, model, qualifier);
            }
        }

        return writer.Complete();
    }

    private static void WriteReader(SourceWriter writer, ResponseModel model, string qualifier)
    {
        ResponseEmitter.WriteFromJson(writer, model, "The JSON is malformed, or holds an object this union does not list.");
        using (writer.Braces())
        {
            ResponseEmitter.WriteExpectObject(writer, model);
            LocalNames locals = Naming.Locals(ClassMembers.Of(model, "reader"));
            string type = locals.Declare("type");
            string deleted = locals.Declare("deleted");
            writer.WriteLine($"string? {type} = {TypeNames.Runtime}.JsonRead.ObjectType(reader, out bool {deleted});");
            writer.WriteLine($"switch ({type})");
            using (writer.Braces())
            {
                // A deleted object shares its live type's value: its case comes first.
                foreach (bool isDeleted in new[] { true, false })
                {
                    foreach (ResponseVariantModel variant in model.Variants)
                    {
                        if (variant.Deleted == isDeleted)
                        {
                            writer.WriteLine($"case {DocText.Literal(variant.ObjectValue)}{(isDeleted ? $" when {deleted}" : string.Empty)}:");
                            writer.Indentation++;
                            writer.WriteLine($"return new {model.Name} {{ {variant.PropertyName} = {TypeNames.Qualified(qualifier, variant.TypeName)}.{GeneratedMembers.Read}(ref reader) }};");
                            writer.Indentation--;
                        }
                    }
                }

                writer.WriteLine("default:");
                writer.Indentation++;
                writer.WriteLine($"throw {TypeNames.Runtime}.JsonRead.UnknownObject(nameof({model.Name}), {type}, {DocText.Literal(Expected(model))});");
                writer.Indentation--;
            }
        }
    }

    private static string Expected(ResponseModel model)
    {
        var names = new System.Collections.Generic.List<string>();
        foreach (ResponseVariantModel variant in model.Variants)
        {
            names.Add(variant.Deleted ? "deleted " + variant.ObjectValue : variant.ObjectValue);
        }

        return string.Join(", ", names);
    }
}
