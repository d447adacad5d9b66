using System.Collections.Generic;

namespace AccountLinkGen.Runtime.Tests.Support;

/// <summary>A hand-written request body shaped like the generated account link options.</summary>
public sealed class AccountLinkForm : IFormEncodable
{
    public string? Account { get; set; } = "acct_1Nv0FGQ9RKHgCVdK";

    public string? RefreshUrl { get; set; } = "https://example.com/reauth?x=1";

    public string? ReturnUrl { get; set; } = "https://example.com/return";

    public string? Type { get; set; } = "account_onboarding";

    public string? CollectionFields { get; set; } = "eventually_due";

    public IReadOnlyList<string?>? Expand { get; set; }

    public void WriteForm(ref FormWriter writer)
    {
        writer.Write("account", Account);
        if (CollectionFields is not null)
        {
            int mark = writer.PushKey("collection_options");
            writer.Write("fields", CollectionFields);
            writer.PopKey(mark);
        }

        writer.WriteList("expand", Expand);
        writer.Write("refresh_url", RefreshUrl);
        writer.Write("return_url", ReturnUrl);
        writer.Write("type", Type);
    }
}
