using System;
using System.Net.Http;
using System.Threading.Tasks;
using AccountLinkGen;
using AccountLinkGen.FullSpec.App;
using AccountLinkGen.FullSpec.Stripe;
using Microsoft.Extensions.DependencyInjection;

// Creates a customer, lists up to ten customers page by page and reads the balance through the service accessor of
// the client generated from Stripe's whole spec. Without STRIPE_API_KEY nothing is sent: the requests are printed and answered
// offline.
const string Usage = """
    Usage: AccountLinkGen.FullSpec.App [--base-url <url>] [--email <email>] [--help]

    Calls Stripe (or stripe-mock) through the client generated from Stripe's whole 2023-09-12 spec:
    creates a customer, lists up to ten customers page by page and reads the balance.

      --base-url <url>  Where to send the requests (default https://api.stripe.com/); for stripe-mock,
                        http://localhost:12111/
      --email <email>   The new customer's email (default jenny.rosen@example.com)
      --help            Shows this text.

    Environment:
      STRIPE_API_KEY    The secret key. Without it, nothing is sent: each request is printed and answered
                        offline (a dry run). stripe-mock accepts any key, e.g. sk_test_123.
    """;

string? baseUrl = null;
string email = "jenny.rosen@example.com";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--help" or "-h" or "-?":
            Console.Out.Write(Usage);
            return 0;
        case "--base-url" when i + 1 < args.Length:
            baseUrl = args[++i];
            break;
        case "--email" when i + 1 < args.Length:
            email = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument: {args[i]}");
            Console.Error.Write(Usage);
            return 2;
    }
}

Uri? baseAddress = null;
if (baseUrl is not null && !Uri.TryCreate(baseUrl, UriKind.Absolute, out baseAddress))
{
    Console.Error.WriteLine($"--base-url: '{baseUrl}' is not an absolute URL");
    return 2;
}

string? apiKey = Environment.GetEnvironmentVariable("STRIPE_API_KEY");
bool dryRun = string.IsNullOrEmpty(apiKey);

// One call registers the client (a typed client of IHttpClientFactory) and every generated service.
var services = new ServiceCollection();
IHttpClientBuilder http = services.AddStripeServices(options =>
{
    options.ApiKey = dryRun ? "sk_test_dry_run" : apiKey!;
    if (baseAddress is not null)
    {
        options.BaseAddress = baseAddress;
    }
});
if (dryRun)
{
    http.ConfigurePrimaryHttpMessageHandler(() => new OfflineHandler(Console.Out));
}

await using ServiceProvider provider = services.BuildServiceProvider();
StripeServices stripe = provider.GetRequiredService<StripeServices>();

try
{
    Customer customer = await stripe.Customers.CreateAsync(new CustomerCreateOptions { Email = email, Name = "Jenny Rosen" });
    Console.WriteLine($"created customer {customer.Id}");

    // Every customer, page after page (three to a page), until ten are shown: each page is one request.
    int shown = 0;
    await foreach (Customer listed in stripe.Customers.ListAutoPagingAsync(new CustomerListOptions { Limit = 3 }))
    {
        Console.WriteLine($"customer {listed.Id} {listed.Email}");
        if (++shown == 10)
        {
            break;
        }
    }

    Balance balance = await stripe.Balance.GetAsync();
    foreach (BalanceAmount available in balance.Available)
    {
        Console.WriteLine($"available: {available.Amount} {available.Currency}");
    }

    if (dryRun)
    {
        Console.WriteLine("(dry run: nothing was sent; set STRIPE_API_KEY to send the requests)");
    }

    return 0;
}
catch (StripeException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    if (exception.InnerException is { } inner)
    {
        Console.Error.WriteLine($"  {inner.GetType().Name}: {inner.Message}");
    }

    return 1;
}
catch (HttpRequestException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}
