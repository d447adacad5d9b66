using System;
using Stripe;

// One account link from the server at args[0] through Stripe.net 53.1.0, then exit: what a fresh process pays.
var client = new StripeClient("sk_test_123", apiBase: args[0].TrimEnd('/'));
AccountLink link = await new AccountLinkService(client).CreateAsync(new AccountLinkCreateOptions
{
    Account = "acct_1032D82eZvKYlo2C",
    RefreshUrl = "https://example.com/reauth",
    ReturnUrl = "https://example.com/return",
    Type = "account_onboarding",
});
Console.WriteLine(link.Url);
