using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>Every resource fixture wrapped in a webhook event, read by the runtime's <c>StripeWebhook</c>.</summary>
public sealed partial class StripeSpecTests
{
    private const string WebhookSecret = "whsec_fixtures_4eC39HqLyjWDarjtT1zdp7dc";

    /// <summary>
    /// Wraps each fixture in an event as Stripe sends one, signs it here with <see cref="HMACSHA256"/>, and reads it
    /// with <c>StripeWebhook.ConstructEvent</c> of the client's own runtime, whose only object table is the one
    /// this client registered. Returns each fixture's outcome, worded as <see cref="ReadFixture"/> words it (null
    /// when <c>data.object</c> is its model and holds every value), so that the two paths can be compared.
    /// </summary>
    private static Dictionary<string, string?> ReadFixturesAsEvents(OwnRuntimeLoadContext context, Assembly consumer, SpecModel model, ResponseComparer comparer, IEnumerable<JsonProperty> resources)
    {
        // The table registers from a module initializer: run it now rather than rely on which type was touched first.
        RuntimeHelpers.RunModuleConstructor(consumer.ManifestModule.ModuleHandle);
        MethodInfo construct = context.Runtime.GetType("AccountLinkGen.StripeWebhook", throwOnError: true)!
            .GetMethod("ConstructEvent", new[] { typeof(string), typeof(string), typeof(string), typeof(TimeSpan?) })!;
        var table = model.ObjectTable!.Entries.ToDictionary(e => (e.ObjectValue, e.Deleted), e => e.TypeName);
        var outcomes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (JsonProperty resource in resources)
        {
            string payload = "{\"id\":\"evt_1NG8Du2eZvKYlo2CUI79vXWy\",\"object\":\"event\",\"api_version\":\"2023-09-12\",\"created\":1686089970,"
                + "\"data\":{\"object\":" + resource.Value.GetRawText() + "},\"livemode\":false,\"pending_webhooks\":1,"
                + "\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + resource.Name + ".updated\"}";
            string timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            string signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes(timestamp + "." + payload)));

            object evt = construct.Invoke(null, new object?[] { payload, $"t={timestamp},v1={signature}", WebhookSecret, null })!;
            object data = evt.GetType().GetProperty("Data")!.GetValue(evt)!;
            object? value = data.GetType().GetProperty("Object")!.GetValue(data);
            var error = (JsonException?)data.GetType().GetProperty("ReadError")!.GetValue(data);
            string objectValue = resource.Value.GetProperty("object").GetString()!;
            bool deleted = resource.Value.TryGetProperty("deleted", out JsonElement d) && d.ValueKind == JsonValueKind.True;
            string? expected = table.GetValueOrDefault((objectValue, deleted)) ?? table.GetValueOrDefault((objectValue, false));
            outcomes[resource.Name] = value switch
            {
                JsonElement json when !JsonElement.DeepEquals(json, resource.Value) => "kept as JSON that differs from the fixture",
                JsonElement when error is not null => $"refused: {error.GetType().Name}: {error.Message}",
                JsonElement => $"no model: the object table has none for '{objectValue}'" + (expected is null ? string.Empty : $", though it lists {expected}"),
                null => "no data.object",
                _ when value.GetType().Name != expected => $"read as {value.GetType().Name}, where the object table names {expected ?? "nothing"}",
                _ => comparer.Differences(resource.Value, value, expected!) is { Count: > 0 } differences ? "incomplete: " + string.Join(", ", differences) : null,
            };
        }

        return outcomes;
    }
}
