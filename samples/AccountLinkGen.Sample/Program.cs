using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AccountLinkGen;
using AccountLinkGen.Sample;
using AccountLinkGen.Sample.Stripe;

// Builds AccountLinkCreateOptions from the command line, validates them, and either prints the exact request the
// client would send (no STRIPE_API_KEY) or sends it and prints the account link.
SampleArguments? arguments = SampleArguments.Parse(args, out string? argumentError);
if (arguments is null)
{
    Console.Error.WriteLine(argumentError);
    Console.Error.WriteLine(SampleArguments.Usage);
    return 2;
}

var options = new AccountLinkCreateOptions
{
    Account = arguments["account"]!,
    Type = arguments["type"] is { } type ? new AccountLinkType(type) : default,
    RefreshUrl = arguments["refresh-url"]!,
    ReturnUrl = arguments["return-url"]!,
    Expand = arguments.Expand.Count > 0 ? arguments.Expand : null,
};

if (arguments["fields"] is not null || arguments["future-requirements"] is not null)
{
    options.CollectionOptions = new AccountLinkCollectionOptions();
    if (arguments["fields"] is { } fields)
    {
        // An unknown value stays undefined, so that the validator reports it with Stripe's parameter name.
        options.CollectionOptions.Fields = AccountLinkCollectionOptionsFieldsExtensions.TryParse(fields, out var f) ? f : (AccountLinkCollectionOptionsFields)(-1);
    }

    if (arguments["future-requirements"] is { } future)
    {
        options.CollectionOptions.FutureRequirements = AccountLinkCollectionOptionsFutureRequirementsExtensions.TryParse(future, out var r) ? r : (AccountLinkCollectionOptionsFutureRequirements)(-1);
    }
}

ValidationResult validation = options.Validate();
foreach (ValidationProblem problem in validation.Problems)
{
    Console.Error.WriteLine($"{problem.Severity.ToString().ToLowerInvariant()}: {problem.Param}: {problem.Message} ({problem.Code})");
}

if (!validation.IsValid)
{
    Console.Error.WriteLine(SampleArguments.Usage);
    return 2;
}

string? apiKey = Environment.GetEnvironmentVariable("STRIPE_API_KEY");
bool dryRun = string.IsNullOrEmpty(apiKey);
var clientOptions = new StripeClientOptions
{
    ApiKey = dryRun ? "sk_test_dry_run" : apiKey!,
    ApiVersion = arguments["api-version"],
};
if (arguments["base-url"] is { } baseUrl)
{
    if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? baseAddress))
    {
        Console.Error.WriteLine($"--base-url: '{baseUrl}' is not an absolute URL");
        return 2;
    }

    clientOptions.BaseAddress = baseAddress;
}

var requestOptions = new RequestOptions
{
    StripeAccount = arguments["stripe-account"],
    IdempotencyKey = arguments["idempotency-key"],
};

using HttpClient? dryRunHttp = dryRun ? new HttpClient(new DryRunHandler(Console.Out)) : null;
try
{
    using var client = new StripeClient(clientOptions, dryRunHttp);
    AccountLink link = await new AccountLinkService(client).CreateAsync(options, requestOptions);
    if (dryRun)
    {
        Console.WriteLine();
        Console.WriteLine("(dry run: nothing was sent; set STRIPE_API_KEY to send it)");
        return 0;
    }

    Console.WriteLine($"url:        {link.Url}");
    Console.WriteLine($"created:    {link.Created:u}");
    Console.WriteLine($"expires_at: {link.ExpiresAt:u}");
    return 0;
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
catch (StripeApiException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
catch (StripeConnectionException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
