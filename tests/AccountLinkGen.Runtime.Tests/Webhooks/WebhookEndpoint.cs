using System.IO;
using AccountLinkGen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MyApp.Stripe;

namespace AccountLinkGen.Runtime.Tests.Webhooks;

/// <summary>
/// The README's ASP.NET Core webhook endpoint, compiled and served by <see cref="WebhookEndpointTests"/>: the lines
/// between the markers are the README's, word for word (a test compares them).
/// </summary>
internal static class WebhookEndpoint
{
    public const string Begin = "// README: webhook endpoint";
    public const string End = "// README: end";

    public static void Map(WebApplication app, string webhookSecret)
    {
        // README: webhook endpoint
        app.MapPost("/stripe/webhook", async (HttpRequest request, CustomerDirectory customers) =>
        {
            // The signature covers the body exactly as sent: read it as text, never through model binding.
            using var reader = new StreamReader(request.Body);
            string payload = await reader.ReadToEndAsync();
            StripeEvent evt;
            try
            {
                evt = StripeWebhook.ConstructEvent(payload, request.Headers["Stripe-Signature"], webhookSecret);
            }
            catch (StripeSignatureException)
            {
                return Results.BadRequest();
            }

            switch (evt.Type)
            {
                case EventTypes.CustomerCreated when evt.Data.Object is Customer customer:
                    customers.Add(customer.Id, customer.Email);
                    break;
                case EventTypes.CustomerUpdated when evt.Data.Object is Customer customer:
                    customers.Update(customer.Id, customer.Email);
                    break;
                default:
                    // Acknowledge every other event too, or Stripe keeps sending it.
                    break;
            }

            return Results.Ok();
        });
        // README: end
    }
}
