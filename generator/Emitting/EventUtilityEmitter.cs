using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits Stripe.net's <c>EventUtility</c> (compatibility mode): its methods and parameter names, over the runtime's
/// signature check (<c>StripeWebhook.VerifySignature</c>) and the spec's own event model, whose <c>Data.Object</c>
/// holds the generated model of the object (<c>evt.Data.Object as PaymentIntent</c>).
/// </summary>
internal static class EventUtilityEmitter
{
    private const string Webhook = TypeNames.Runtime + ".StripeWebhook";
    private const string Seconds = "global::System.TimeSpan.FromSeconds(tolerance)";

    public static string Emit(SpecModel spec, StripeNetEventsModel model)
    {
        string evt = model.EventName;
        SourceWriter writer = SourceFile.StartType(
            spec,
            model.UtilityName,
            "Stripe.net's webhook helpers: check a webhook request's Stripe-Signature header and read its event.",
            () => string.Empty,
            "static class " + Naming.DeclaredName(model.UtilityName));
        using (writer.Braces())
        {
            writer.WriteLine("/// <summary>How far from now, in seconds, a signature's timestamp may be: five minutes.</summary>");
            writer.WriteLine("public const long DefaultTimeTolerance = 300;");
            writer.WriteLine();
            WriteParams(writer, "Checks the signature of a webhook request and reads its event.", withClock: false);
            WriteVersionParam(writer);
            WriteThrows(writer);
            writer.WriteLine($"public static {evt} ConstructEvent(string json, string? stripeSignatureHeader, string secret, long tolerance = DefaultTimeTolerance, bool throwOnApiVersionMismatch = true)");
            using (writer.Braces())
            {
                writer.WriteLine("ValidateSignature(json, stripeSignatureHeader, secret, tolerance);");
                writer.WriteLine("return ParseEvent(json, throwOnApiVersionMismatch);");
            }

            writer.WriteLine();
            WriteParams(writer, "Checks the signature of a webhook request against a given time and reads its event.", withClock: true);
            WriteVersionParam(writer);
            WriteThrows(writer);
            writer.WriteLine($"public static {evt} ConstructEvent(string json, string? stripeSignatureHeader, string secret, long tolerance, long utcNow, bool throwOnApiVersionMismatch = true)");
            using (writer.Braces())
            {
                writer.WriteLine("ValidateSignature(json, stripeSignatureHeader, secret, tolerance, utcNow);");
                writer.WriteLine("return ParseEvent(json, throwOnApiVersionMismatch);");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Reads an event without checking a signature: only for JSON that did not come from a webhook request.</summary>");
            writer.WriteLine("/// <param name=\"json\">The event's JSON.</param>");
            WriteVersionParam(writer);
            writer.WriteLine($"public static {evt} ParseEvent(string json, bool throwOnApiVersionMismatch = true)");
            using (writer.Braces())
            {
                writer.WriteLine("if (json is null)");
                using (writer.Braces())
                {
                    writer.WriteLine("throw new global::System.ArgumentNullException(nameof(json));");
                }

                writer.WriteLine();
                writer.WriteLine($"{evt} stripeEvent = {evt}.{GeneratedMembers.FromJson}(global::System.Text.Encoding.UTF8.GetBytes(json));");
                if (model.ApiVersionProperty is { } version && spec.ApiVersion is { Length: > 0 } specVersion)
                {
                    writer.WriteLine($"if (throwOnApiVersionMismatch && stripeEvent.{version} is {{ }} version && version != {DocText.Literal(specVersion)})");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"throw new {TypeNames.Runtime}.StripeEventVersionException(version, {DocText.Literal(specVersion)});");
                    }

                    writer.WriteLine();
                }

                writer.WriteLine("return stripeEvent;");
            }

            writer.WriteLine();
            WriteParams(writer, "Checks the signature of a webhook request.", withClock: false);
            WriteThrows(writer);
            writer.WriteLine("public static void ValidateSignature(string json, string? stripeSignatureHeader, string secret, long tolerance = DefaultTimeTolerance) =>");
            writer.WriteLine($"    {Webhook}.VerifySignature(json, stripeSignatureHeader, secret, {Seconds});");
            writer.WriteLine();
            WriteParams(writer, "Checks the signature of a webhook request against a given time.", withClock: true);
            WriteThrows(writer);
            writer.WriteLine("public static void ValidateSignature(string json, string? stripeSignatureHeader, string secret, long tolerance, long utcNow) =>");
            writer.WriteLine($"    {Webhook}.VerifySignature(json, stripeSignatureHeader, secret, {Seconds}, global::System.DateTimeOffset.FromUnixTimeSeconds(utcNow));");
        }

        return writer.Complete();
    }

    private static void WriteParams(SourceWriter writer, string summary, bool withClock)
    {
        writer.WriteLine($"/// <summary>{summary}</summary>");
        writer.WriteLine("/// <param name=\"json\">The request body, exactly as received.</param>");
        writer.WriteLine("/// <param name=\"stripeSignatureHeader\">The <c>Stripe-Signature</c> header; null or empty when the request had none.</param>");
        writer.WriteLine("/// <param name=\"secret\">The endpoint's signing secret, the whole <c>whsec_…</c> string.</param>");
        writer.WriteLine("/// <param name=\"tolerance\">How far from now, in seconds, the signed timestamp may be, before or after.</param>");
        if (withClock)
        {
            writer.WriteLine("/// <param name=\"utcNow\">The time to check the timestamp against, in Unix seconds.</param>");
        }
    }

    private static void WriteThrows(SourceWriter writer) =>
        writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeSignatureException\">A check failed: the request must not be acted on.</exception>");

    private static void WriteVersionParam(SourceWriter writer)
    {
        writer.WriteLine("/// <param name=\"throwOnApiVersionMismatch\">");
        writer.WriteLine("/// Whether an event rendered in another API version than the spec's is refused, as Stripe.net does, rather than read.");
        writer.WriteLine("/// </param>");
        writer.WriteLine($"/// <exception cref=\"{TypeNames.Runtime}.StripeEventVersionException\">The event is of another API version, and a match was asked for.</exception>");
        writer.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">The payload is not an event.</exception>");
    }
}
