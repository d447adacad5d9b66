using System.Collections.Generic;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits the dependency-injection registration of a spec's services, for a consumer that references
/// Microsoft.Extensions.DependencyInjection.Abstractions: an extension method that registers the accessor and every
/// service over the container's <c>StripeClient</c>, and, with the runtime's DI package, an overload that registers
/// the client too in the same call.
/// </summary>
/// <remarks>
/// Everything is transient because <c>AddStripeClient</c> registers the client as a typed client of
/// <c>IHttpClientFactory</c>, which is transient: a longer-lived service would keep one client, and with it one
/// message handler, past the factory's rotation. Registrations are made with <c>TryAdd</c>, so one the application
/// made first is kept, and with factories rather than reflection, so the registration is trim-safe.
/// </remarks>
internal static class ServiceRegistrationEmitter
{
    private const string DependencyInjection = "global::Microsoft.Extensions.DependencyInjection";
    private const string ServiceCollection = DependencyInjection + ".IServiceCollection";
    private const string Services = "services";
    private const string Configure = "configure";
    private const string Provider = "provider";

    public static string Emit(SpecModel spec, ServiceAccessorModel model, bool withClient)
    {
        string accessor = model.Root.TypeName;
        SourceWriter writer = SourceFile.Start(spec);
        writer.WriteLine($"/// <summary>Registers <see cref=\"{accessor}\"/> and the services it hands out with dependency injection.</summary>");
        writer.WriteLine(SourceFile.GeneratedCodeAttribute);
        writer.WriteLine($"{spec.Accessibility} static class {model.RegistrationClass}");
        using (writer.Braces())
        {
            if (withClient)
            {
                WriteWithClient(writer, model);
                writer.WriteLine();
            }

            writer.WriteLine("/// <summary>");
            writer.WriteLine($"/// Registers <see cref=\"{accessor}\"/> and every service it hands out, each created over the container's");
            writer.WriteLine($"/// <see cref=\"{TypeNames.Runtime}.StripeClient\"/>, which <c>AddStripeClient</c> registers. All are transient, as the");
            writer.WriteLine("/// client is (a typed client of <c>IHttpClientFactory</c>); a registration already made for one of them is kept.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine($"/// <param name=\"{Services}\">The service collection.</param>");
            writer.WriteLine($"/// <returns>The same service collection.</returns>");
            writer.WriteLine($"public static {ServiceCollection} {model.RegistrationMethod}(this {ServiceCollection} {Services})");
            using (writer.Braces())
            {
                writer.WriteLine($"if ({Services} is null)");
                using (writer.Braces())
                {
                    writer.WriteLine($"throw new global::System.ArgumentNullException(nameof({Services}));");
                }

                writer.WriteLine();
                WriteRegistration(writer, accessor, Naming.RegisteredClient);
                foreach (string service in ServiceNames(model.Root))
                {
                    WriteRegistration(writer, service, Naming.RegisteredServiceClient);
                }

                writer.WriteLine($"return {Services};");
            }

            writer.WriteLine();
            writer.WriteLine($"private static {TypeNames.Runtime}.StripeClient {Naming.RegisteredClient}(global::System.IServiceProvider {Provider}) =>");
            writer.Indentation++;
            writer.WriteLine($"{DependencyInjection}.ServiceProviderServiceExtensions.GetRequiredService<{TypeNames.Runtime}.StripeClient>({Provider});");
            writer.Indentation--;
            writer.WriteLine();
            writer.WriteLine("// Services take the interface: one registered in its own right (a stand-in, a decorator) wins over the client.");
            writer.WriteLine($"private static {TypeNames.Runtime}.IStripeClient {Naming.RegisteredServiceClient}(global::System.IServiceProvider {Provider}) =>");
            writer.Indentation++;
            writer.WriteLine($"{DependencyInjection}.ServiceProviderServiceExtensions.GetService<{TypeNames.Runtime}.IStripeClient>({Provider}) ?? {Naming.RegisteredClient}({Provider});");
            writer.Indentation--;
        }

        return writer.Complete();
    }

    private static void WriteWithClient(SourceWriter writer, ServiceAccessorModel model)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Registers the <see cref=\"{TypeNames.Runtime}.StripeClient\"/> as <c>AddStripeClient</c> does, then <see cref=\"{model.Root.TypeName}\"/>");
        writer.WriteLine($"/// and every service it hands out, as <see cref=\"{model.RegistrationMethod}({ServiceCollection})\"/> does: one call for all.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"/// <param name=\"{Services}\">The service collection.</param>");
        writer.WriteLine($"/// <param name=\"{Configure}\">Sets the API key and any other option of the client.</param>");
        writer.WriteLine("/// <returns>The builder of the client's underlying named client, to add handlers or configure the primary handler.</returns>");
        writer.WriteLine($"public static {DependencyInjection}.IHttpClientBuilder {model.RegistrationMethod}(this {ServiceCollection} {Services}, global::System.Action<{TypeNames.Runtime}.StripeClientOptions> {Configure})");
        using (writer.Braces())
        {
            writer.WriteLine($"{DependencyInjection}.IHttpClientBuilder builder = {DependencyInjection}.StripeClientServiceCollectionExtensions.AddStripeClient({Services}, {Configure});");
            writer.WriteLine($"{model.RegistrationMethod}({Services});");
            writer.WriteLine("return builder;");
        }
    }

    private static void WriteRegistration(SourceWriter writer, string type, string resolve) =>
        writer.WriteLine($"{DependencyInjection}.Extensions.ServiceCollectionDescriptorExtensions.TryAddTransient({Services}, static {Provider} => new {type}({resolve}({Provider})));");

    private static IEnumerable<string> ServiceNames(ServiceGroupModel group)
    {
        foreach (ServiceEntry service in group.Services)
        {
            yield return service.ServiceName;
        }

        foreach (ServiceGroupModel child in group.Groups)
        {
            foreach (string name in ServiceNames(child))
            {
                yield return name;
            }
        }
    }
}
