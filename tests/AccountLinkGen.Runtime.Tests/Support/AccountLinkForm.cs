using System.Collections.Generic;

namespace AccountLinkGen.Runtime.Tests.Support;

/// <summary>A hand-written request body shaped like the generated account link options.</summary>
public sealed class AccountLinkForm : IFormEncodable
{
    private static readonly FormEncodedText s_account = FormEncodedText.Encode("account");
    private static readonly FormEncodedText s_collectionOptions = FormEncodedText.Encode("collection_options");
    private static readonly FormEncodedText s_fields = FormEncodedText.Encode("fields");
    private static readonly FormEncodedText s_expand = FormEncodedText.Encode("expand");
    private static readonly FormEncodedText s_refreshUrl = FormEncodedText.Encode("refresh_url");
    private static readonly FormEncodedText s_returnUrl = FormEncodedText.Encode("return_url");
    private static readonly FormEncodedText s_type = FormEncodedText.Encode("type");

    public string? Account { get; set; } = "acct_1Nv0FGQ9RKHgCVdK";

    public string? RefreshUrl { get; set; } = "https://example.com/reauth?x=1";

    public string? ReturnUrl { get; set; } = "https://example.com/return";

    public string? Type { get; set; } = "account_onboarding";

    public string? CollectionFields { get; set; } = "eventually_due";

    public IReadOnlyList<string?>? Expand { get; set; }

    public void WriteForm(ref FormWriter writer)
    {
        writer.Write(s_account, Account);
        if (CollectionFields is not null)
        {
            int mark = writer.PushKey(s_collectionOptions);
            writer.Write(s_fields, CollectionFields);
            writer.PopKey(mark);
        }

        writer.WriteList(s_expand, Expand);
        writer.Write(s_refreshUrl, RefreshUrl);
        writer.Write(s_returnUrl, ReturnUrl);
        writer.Write(s_type, Type);
    }
}
