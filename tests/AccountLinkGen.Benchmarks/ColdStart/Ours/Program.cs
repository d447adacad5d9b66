using System;
using AccountLinkGen;
using ColdStart.Ours.Stripe;

// One account link from the server at args[0] through the generated service, then exit: what a fresh process pays.
using var client = new StripeClient(new StripeClientOptions { ApiKey = "sk_test_123", BaseAddress = new Uri(args[0]) });
AccountLink link = await new AccountLinkService(client).CreateAsync(new AccountLinkCreateOptions
{
    Account = "acct_1032D82eZvKYlo2C",
    RefreshUrl = "https://example.com/reauth",
    ReturnUrl = "https://example.com/return",
    Type = AccountLinkType.AccountOnboarding,
});
Console.WriteLine(link.Url);
