using System;
using AccountLinkGen.Sample.Stripe;

var options = new AccountLinkCreateOptions
{
    Account = "acct_1Mt0CORHFI4mz9Rw",
    Type = AccountLinkType.AccountOnboarding,
    RefreshUrl = "https://example.com/reauth",
    ReturnUrl = "https://example.com/return",
    CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.EventuallyDue },
    Expand = ["url"],
};

Console.WriteLine(options.ToFormUrlEncoded());
Console.WriteLine(options.Validate());
