using System;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// The names a generated class's methods see besides their own: the class, its members, and what <c>object</c>
/// gives it. A method's locals are declared apart from these (<see cref="Naming.Locals(Predicate{string})"/>),
/// which asks about the few names it would declare rather than listing every member of every class.
/// </summary>
internal static class ClassMembers
{
    public static Predicate<string> Of(OptionsClassModel model, params string[] parameters) =>
        name => name == Naming.DeclaredName(model.Name)
            || Naming.OptionsMembers.Contains(name)
            || Array.IndexOf(parameters, name) >= 0
            || model.Properties.Any(p => p.Name == name || p.AlternativeName == name || p.ClearName == name || p.FileNameMember == name || p.ContentTypeMember == name);

    public static Predicate<string> Of(ResponseModel model, params string[] parameters) =>
        name => name == Naming.DeclaredName(model.Name)
            || Naming.ResponseMembers.Contains(name)
            || Array.IndexOf(parameters, name) >= 0
            || model.Properties.Any(p => p.Name == name || p.ExpandedName == name)
            || model.Variants.Any(v => v.PropertyName == name);
}
