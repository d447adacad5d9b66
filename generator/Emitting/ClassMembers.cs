using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// The names a generated class's methods see besides their own: the class, its members, and what <c>object</c>
/// gives it. A method's locals are declared apart from these (<see cref="Naming.Locals"/>).
/// </summary>
internal static class ClassMembers
{
    public static List<string> Of(OptionsClassModel model, params string[] parameters)
    {
        var names = new List<string>(parameters) { model.Name };
        names.AddRange(Naming.OptionsMembers);
        foreach (PropertyModel property in model.Properties)
        {
            names.Add(property.Name);
            names.Add(Naming.WireNameConstant(property.Name));
            names.Add(Naming.FormNameField(property.Name));
            AddIfSet(names, property.AlternativeName);
            AddIfSet(names, property.ClearName);
            AddIfSet(names, property.FileNameMember);
            AddIfSet(names, property.ContentTypeMember);
        }

        return names;
    }

    public static List<string> Of(ResponseModel model, params string[] parameters)
    {
        var names = new List<string>(parameters) { model.Name };
        names.AddRange(Naming.ResponseMembers);
        foreach (ResponsePropertyModel property in model.Properties)
        {
            names.Add(property.Name);
            names.Add(Naming.WireNameConstant(property.Name));
            names.Add(Naming.JsonNameField(property.Name));
            AddIfSet(names, property.ExpandedName);
        }

        foreach (ResponseVariantModel variant in model.Variants)
        {
            names.Add(variant.PropertyName);
        }

        return names;
    }

    private static void AddIfSet(List<string> names, string? name)
    {
        if (name is not null)
        {
            names.Add(name);
        }
    }
}
