using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Builds a spec's service accessor from its operations: each service in the group of its path's packages
/// (<c>/v1/test_helpers/issuing/cards</c>: <c>TestHelpers</c>, then <c>Issuing</c>), under its resource's name in
/// that group, plural for a collection (<c>Cards</c>) and singular for a singleton (<c>Balance</c>).
/// </summary>
internal static class ServiceAccessors
{
    /// <summary>The accessor named <paramref name="accessorName"/>; null when the spec has no operation.</summary>
    public static ServiceAccessorModel? Build(SpecModel spec, string? accessorName)
    {
        if (accessorName is null || spec.Operations.Count == 0)
        {
            return null;
        }

        var root = new GroupBuilder(accessorName, string.Empty);
        foreach (var service in spec.Operations.GroupBy(o => o.ServiceName, StringComparer.Ordinal))
        {
            ServiceLocation location = service.Select(o => o.Location).FirstOrDefault(l => l is not null)
                ?? new ServiceLocation(EquatableArray<string>.Empty, Naming.ServiceResource(service.Key), OnCollection: false);
            bool plural = service.Any(o => o.Location?.OnCollection == true);
            GroupBuilder group = root;
            foreach (string word in location.Groups)
            {
                group = group.Child(word);
            }

            group.Services.Add((Naming.ServiceProperty(location.Word, plural), service.Key));
        }

        return new ServiceAccessorModel(root.Build(), Naming.ServiceRegistrationClass(accessorName), Naming.ServiceRegistrationMethod(accessorName));
    }

    private sealed class GroupBuilder
    {
        private readonly Dictionary<string, GroupBuilder> _children = new(StringComparer.Ordinal);

        public GroupBuilder(string typeName, string propertyName)
        {
            TypeName = typeName;
            PropertyName = propertyName;
        }

        public string TypeName { get; }

        public string PropertyName { get; }

        public List<(string Property, string Service)> Services { get; } = new();

        public GroupBuilder Child(string word)
        {
            if (!_children.TryGetValue(word, out GroupBuilder? child))
            {
                _children.Add(word, child = new GroupBuilder(Naming.ServiceGroupType(word), word));
            }

            return child;
        }

        /// <summary>
        /// The group with its members in order of name; groups keep their package's name, and a service whose name
        /// one of them (or a member every accessor has) already takes gets the next free one.
        /// </summary>
        public ServiceGroupModel Build()
        {
            var taken = new HashSet<string>(Naming.ServiceAccessorMembers, StringComparer.Ordinal) { TypeName };
            taken.UnionWith(_children.Keys);
            taken.UnionWith(_children.Values.Select(c => c.TypeName));
            var services = new List<ServiceEntry>();
            foreach (var (property, service) in Services.OrderBy(s => s.Property, StringComparer.Ordinal).ThenBy(s => s.Service, StringComparer.Ordinal))
            {
                string name = Naming.Unique(property, taken.Contains);
                taken.Add(name);
                services.Add(new ServiceEntry(name, service, Naming.ServiceField(name)));
            }

            List<ServiceGroupModel> groups = _children.Values.OrderBy(c => c.PropertyName, StringComparer.Ordinal).Select(c => c.Build()).ToList();
            return new ServiceGroupModel(TypeName, PropertyName, PropertyName.Length == 0 ? string.Empty : Naming.ServiceField(PropertyName), services.OrderBy(s => s.PropertyName, StringComparer.Ordinal).ToEquatableArray(), groups.ToEquatableArray());
        }
    }
}
