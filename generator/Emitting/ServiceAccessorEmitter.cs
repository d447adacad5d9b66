using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits a spec's service accessor: one type over one <c>StripeClient</c> whose properties hand out each service
/// (<c>stripe.Customers</c>) and each group of services (<c>stripe.Checkout.Sessions</c>), created on first use.
/// </summary>
/// <remarks>
/// A property publishes what it created with <c>Interlocked.CompareExchange</c>: two threads that ask at once may
/// each create one, and both get the one published first. Services hold nothing but the client, so the one dropped
/// costs an allocation and nothing else.
/// </remarks>
internal static class ServiceAccessorEmitter
{
    private const string Client = "_client";

    public static string Emit(SpecModel spec, ServiceAccessorModel model)
    {
        SourceWriter writer = SourceFile.Start(spec);
        ServiceGroupModel root = model.Root;
        writer.WriteSummaryMarkup(
            $"Hands out the services of the Stripe API over one <see cref=\"{TypeNames.Runtime}.StripeClient\"/>, each created on first use "
            + "and then reused" + (root.Groups.Count > 0 ? ", grouped as Stripe's paths group them: " : ": ") + string.Join(", ", Examples(root)) + ".");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// It may be used from several threads at once: threads that ask for a service at the same time all get one");
        writer.WriteLine("/// instance. Services hold nothing but the client, so the accessor may live as long as its client.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine($"{spec.Accessibility} sealed partial class {root.TypeName}");
        using (writer.Braces())
        {
            WriteMembers(writer, root, "public");
            writer.WriteLine();
            writer.WriteLine("// Publishes what a property created unless another thread published one first; returns the one published.");
            writer.WriteLine($"private static T {Naming.ServicePublisher}<T>(ref T? field, T created)");
            writer.Indentation++;
            writer.WriteLine("where T : class =>");
            writer.WriteLine("global::System.Threading.Interlocked.CompareExchange(ref field, created, null) ?? created;");
            writer.Indentation--;
            foreach (ServiceGroupModel group in root.Groups)
            {
                writer.WriteLine();
                WriteGroup(writer, group);
            }
        }

        return writer.Complete();
    }

    /// <summary>How the spec's own services are reached: the first at the top, and the first in a group.</summary>
    private static System.Collections.Generic.IEnumerable<string> Examples(ServiceGroupModel root)
    {
        if (root.Services.Count > 0)
        {
            yield return $"<c>stripe.{root.Services[0].PropertyName}</c>";
        }

        string path = "stripe";
        for (ServiceGroupModel? group = root.Groups.Count > 0 ? root.Groups[0] : null; group is not null; group = group.Groups.Count > 0 ? group.Groups[0] : null)
        {
            path += "." + group.PropertyName;
            if (group.Services.Count > 0)
            {
                yield return $"<c>{path}.{group.Services[0].PropertyName}</c>";
                break;
            }
        }
    }

    private static void WriteGroup(SourceWriter writer, ServiceGroupModel group)
    {
        writer.WriteLine($"/// <summary>Hands out the services of the <c>{DocText.EscapeXml(group.PropertyName)}</c> group, each created on first use and then reused.</summary>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine($"public sealed partial class {group.TypeName}");
        using (writer.Braces())
        {
            WriteMembers(writer, group, "internal");
            foreach (ServiceGroupModel child in group.Groups)
            {
                writer.WriteLine();
                WriteGroup(writer, child);
            }
        }
    }

    private static void WriteMembers(SourceWriter writer, ServiceGroupModel group, string constructorAccessibility)
    {
        writer.WriteLine($"private readonly {TypeNames.Runtime}.StripeClient {Client};");
        foreach (ServiceEntry service in group.Services)
        {
            writer.WriteLine($"private {service.ServiceName}? {service.FieldName};");
        }

        foreach (ServiceGroupModel child in group.Groups)
        {
            writer.WriteLine($"private {child.TypeName}? {child.FieldName};");
        }

        writer.WriteLine();
        string created = group.PropertyName.Length == 0 ? "accessor" : "group";
        writer.WriteLine($"/// <summary>Creates the {created} over a configured <see cref=\"{TypeNames.Runtime}.StripeClient\"/>; it creates no service yet.</summary>");
        writer.WriteLine($"/// <param name=\"client\">The client every service sends through.</param>");
        writer.WriteLine($"{constructorAccessibility} {group.TypeName}({TypeNames.Runtime}.StripeClient client)");
        using (writer.Braces())
        {
            writer.WriteLine($"{Client} = client ?? throw new global::System.ArgumentNullException(nameof(client));");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The client every service sends through.</summary>");
        writer.WriteLine($"public {TypeNames.Runtime}.StripeClient Client => {Client};");
        foreach (ServiceGroupModel child in group.Groups)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The services of the <c>{DocText.EscapeXml(child.PropertyName)}</c> group (<see cref=\"{child.TypeName}\"/>).</summary>");
            WriteProperty(writer, child.TypeName, child.PropertyName, child.FieldName);
        }

        foreach (ServiceEntry service in group.Services)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The <see cref=\"{service.ServiceName}\"/>, created on first use and then reused.</summary>");
            WriteProperty(writer, service.ServiceName, service.PropertyName, service.FieldName);
        }
    }

    private static void WriteProperty(SourceWriter writer, string type, string property, string field) =>
        writer.WriteLine($"public {type} {property} => {field} ?? {Naming.ServicePublisher}(ref {field}, new {type}({Client}));");
}
