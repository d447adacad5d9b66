using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AccountLinkGen;
using AccountLinkGen.Sample;
using AccountLinkGen.Sample.Stripe;

// Builds AccountLinkCreateOptions from the command line, validates them, and either prints the exact request the
// client would send (no STRIPE_API_KEY) or sends it and prints the account link.
var commandLine = new SampleCommandLine();
SampleArguments? arguments = commandLine.Parse(args, out bool helpRequested, out string? argumentError);
if (helpRequested)
{
    Console.Out.Write(commandLine.Usage);
    return 0;
}

if (arguments is null)
{
    Console.Error.WriteLine(argumentError);
    Console.Error.Write(commandLine.Usage);
    return 2;
}

var options = new AccountLinkCreateOptions
{
    Account = arguments.Account!,
    Type = arguments.Type is { } type ? new AccountLinkType(type) : default,
    RefreshUrl = arguments.RefreshUrl!,
    ReturnUrl = arguments.ReturnUrl!,
    Expand = arguments.Expand.Count > 0 ? arguments.Expand : null,
};

if (arguments.Fields is not null || arguments.FutureRequirements is not null)
{
    options.CollectionOptions = new AccountLinkCollectionOptions();
    if (arguments.Fields is { } fields)
    {
        if (!AccountLinkCollectionOptionsFieldsExtensions.TryParse(fields, out var parsed))
        {
            return Refuse("fields", fields, Enum.GetValues<AccountLinkCollectionOptionsFields>().Select(v => v.ToWireName()));
        }

        options.CollectionOptions.Fields = parsed;
    }

    if (arguments.FutureRequirements is { } future)
    {
        if (!AccountLinkCollectionOptionsFutureRequirementsExtensions.TryParse(future, out var parsed))
        {
            return Refuse("future-requirements", future, Enum.GetValues<AccountLinkCollectionOptionsFutureRequirements>().Select(v => v.ToWireName()));
        }

        options.CollectionOptions.FutureRequirements = parsed;
    }
}

ValidationResult validation = options.Validate();
foreach (ValidationProblem problem in validation.Problems)
{
    Console.Error.WriteLine($"{problem.Severity.ToString().ToLowerInvariant()}: {problem.Param}: {problem.Message} ({problem.Code})");
}

if (!validation.IsValid)
{
    Console.Error.Write(commandLine.Usage);
    return 2;
}

string? apiKey = Environment.GetEnvironmentVariable("STRIPE_API_KEY");
bool dryRun = string.IsNullOrEmpty(apiKey);
var clientOptions = new StripeClientOptions
{
    ApiKey = dryRun ? "sk_test_dry_run" : apiKey!,
    ApiVersion = arguments.ApiVersion,
};
if (arguments.BaseUrl is { } baseUrl)
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
    StripeAccount = arguments.StripeAccount,
    IdempotencyKey = arguments.IdempotencyKey,
};

using HttpClient? dryRunHttp = dryRun ? new HttpClient(new DryRunHandler(Console.Out)) : null;
try
{
    using var client = dryRunHttp is null ? new StripeClient(clientOptions) : new StripeClient(clientOptions, dryRunHttp);
    StripeResponse<AccountLink> response = await new AccountLinkService(client).CreateWithResponseAsync(options, requestOptions);
    if (dryRun)
    {
        Console.WriteLine();
        Console.WriteLine("(dry run: nothing was sent; set STRIPE_API_KEY to send it)");
        return 0;
    }

    AccountLink link = response.Value;
    Console.WriteLine($"url:        {link.Url}");
    Console.WriteLine($"created:    {link.Created:u}");
    Console.WriteLine($"expires_at: {link.ExpiresAt:u}");
    Console.WriteLine($"request_id: {response.RequestId}");
    return 0;
}
catch (ArgumentException exception)
{
    // A configuration mistake (an unsendable key, account or idempotency key): nothing was sent.
    Console.Error.WriteLine($"error: {exception.Message}");
    return 2;
}
catch (StripeValidationException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 2;
}
catch (StripeException exception)
{
    // Stripe refused the request, never answered, or answered with a body that could not be read: the message
    // says which; the request id and idempotency key are what Stripe support and a safe retry need.
    Console.Error.WriteLine($"error: {exception.Message}");
    if (exception.RequestId is not null)
    {
        Console.Error.WriteLine($"request_id: {exception.RequestId}");
    }

    if (exception.IdempotencyKey is not null)
    {
        Console.Error.WriteLine($"idempotency_key: {exception.IdempotencyKey} (retry with --idempotency-key to avoid a duplicate)");
    }

    return 1;
}

int Refuse(string argument, string value, IEnumerable<string> allowed)
{
    Console.Error.WriteLine($"--{argument}: '{value}' is not one of: {string.Join(", ", allowed)}");
    Console.Error.Write(commandLine.Usage);
    return 2;
}
