using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AccountLinkGen.Wire.Tests.Generated;
using AccountLinkGen.Wire.Tests.Support;
using Xunit;

namespace AccountLinkGen.Wire.Tests.Encoding;

/// <summary>Hand-picked values that encoders get wrong, each compared with Stripe.net in every string position.</summary>
public sealed class EncoderTableTests : IClassFixture<StripeNetEncoder>
{
    private readonly StripeNetEncoder _stripeNet;

    public EncoderTableTests(StripeNetEncoder stripeNet) => _stripeNet = stripeNet;

    public static TheoryData<string, string> TrickyValues => new()
    {
        { "empty", "" },
        { "space", " " },
        { "spaces around", "  a  b  " },
        { "form delimiters", "a&b=c" },
        { "plus and percent", "a+b%20c%" },
        { "hash and query", "#frag?x=1" },
        { "brackets", "expand[0][]" },
        { "unreserved marks", "-_.!*()" },
        { "tilde and quote", "~'\"" },
        { "ascii punctuation", "<>\\^`{|}/:;,@$" },
        { "control characters", "\r\n\t\0\u007f" },
        { "latin-1", "\u00e9\u00ff\u00a0" },
        { "two-byte edge", "\u0080\u07ff" },
        { "three-byte edge", "\u0800\uffff" },
        { "byte order mark", "\ufeff" },
        { "replacement character", "\ufffd" },
        { "combining mark", "e\u0301" },
        { "CJK", "\u4e2d\u6587" },
        { "astral emoji", "\U0001F600" },
        { "astral maximum", "\U0010FFFF" },
        { "lone high surrogate", "\ud83d" },
        { "lone low surrogate", "\ude00" },
        { "reversed pair", "\ude00\ud83d" },
        { "high surrogate before text", "\ud83dx" },
        { "text before low surrogate", "x\ude00" },
        { "two high surrogates then low", "\ud83d\ud83d\ude00" },
        { "already encoded", "%5B%5D%2B" },
        { "long", new string('\u00e9', 2500) + new string('&', 2501) },
    };

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public async Task Tricky_value_in_every_string_parameter_encodes_as_StripeNet_does(string name, string value)
    {
        _ = name;
        var options = new AccountLinkCreateOptions
        {
            Account = value,
            Type = new AccountLinkType(value),
            RefreshUrl = value,
            ReturnUrl = "https://example.com/return?v=" + value,
            Expand = new List<string> { value, value + value, "x" },
        };

        FormPairs.AssertSame(await _stripeNet.EncodeAsync(options), options.ToFormUrlEncoded());
    }

    public static TheoryData<string, AccountLinkCreateOptions> Shapes()
    {
        var data = new TheoryData<string, AccountLinkCreateOptions>
        {
            { "all required, nothing else", Minimal() },
            { "all strings null", new AccountLinkCreateOptions { Account = null!, Type = default, RefreshUrl = null!, ReturnUrl = null! } },
            { "default type", With(Minimal(), o => o.Type = default) },
            { "unknown type", With(Minimal(), o => o.Type = "future_type") },
            { "account_update", With(Minimal(), o => o.Type = AccountLinkType.AccountUpdate) },
            { "empty expand list", With(Minimal(), o => o.Expand = new List<string>()) },
            { "one empty expand item", With(Minimal(), o => o.Expand = new List<string> { "" }) },
            { "long expand list", With(Minimal(), o => o.Expand = Enumerable.Range(0, 250).Select(i => "data.item" + i).ToList()) },
            { "empty collection_options", With(Minimal(), o => o.CollectionOptions = new AccountLinkCollectionOptions()) },
            { "collection_options fields only", With(Minimal(), o => o.CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.CurrentlyDue }) },
            { "collection_options future_requirements only", With(Minimal(), o => o.CollectionOptions = new AccountLinkCollectionOptions { FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Omit }) },
            { "full", Full() },
        };
#pragma warning disable CS0618 // the deprecated parameter must still encode like Stripe.net's.
        data.Add("collect currently_due", With(Minimal(), o => o.Collect = AccountLinkCollect.CurrentlyDue));
        data.Add("collect eventually_due with collection_options", With(Full(), o => o.Collect = AccountLinkCollect.EventuallyDue));
#pragma warning restore CS0618
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Shape_encodes_as_StripeNet_does(string name, AccountLinkCreateOptions options)
    {
        _ = name;
        FormPairs.AssertSame(await _stripeNet.EncodeAsync(options), options.ToFormUrlEncoded());
    }

    [Fact]
    public async Task Null_expand_item_is_skipped_where_StripeNet_sends_an_empty_value_and_validation_rejects_it()
    {
        // A known, deliberate difference: FormWriter skips null list items (keeping the other indexes), while
        // Stripe.net sends "expand[1]=". Validate() reports the null item, so the service never sends either form.
        var options = With(Minimal(), o => o.Expand = new List<string> { "a", null!, "c" });

        string ours = options.ToFormUrlEncoded();
        string theirs = await _stripeNet.EncodeAsync(options);

        Assert.Contains("expand[1]=", FormPairs.Split(theirs));
        FormPairs.AssertSame(string.Join("&", FormPairs.Split(theirs).Where(pair => pair != "expand[1]=")), ours);
        Assert.Contains(options.Validate().Problems, p => p.Param == "expand[1]" && p.Code == "required");
    }

    [Fact]
    public void Full_options_encode_to_the_documented_body()
    {
        // Anchors the differential tests to a literal: spec order, literal brackets, indexed expand.
        Assert.Equal(
            "account=acct_1Nv0FGQ9RKHgCVdK"
            + "&collection_options[fields]=eventually_due&collection_options[future_requirements]=include"
            + "&expand[0]=url&expand[1]=data.account&expand[2]=a+b"
            + "&refresh_url=https%3A%2F%2Fexample.com%2Freauth&return_url=https%3A%2F%2Fexample.com%2Freturn"
            + "&type=account_onboarding",
            Full().ToFormUrlEncoded());
    }

    private static AccountLinkCreateOptions Minimal() => new()
    {
        Account = "acct_1Nv0FGQ9RKHgCVdK",
        Type = AccountLinkType.AccountOnboarding,
        RefreshUrl = "https://example.com/reauth",
        ReturnUrl = "https://example.com/return",
    };

    private static AccountLinkCreateOptions Full() => With(Minimal(), o =>
    {
        o.CollectionOptions = new AccountLinkCollectionOptions
        {
            Fields = AccountLinkCollectionOptionsFields.EventuallyDue,
            FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include,
        };
        o.Expand = new List<string> { "url", "data.account", "a b" };
    });

    private static AccountLinkCreateOptions With(AccountLinkCreateOptions options, System.Action<AccountLinkCreateOptions> change)
    {
        change(options);
        return options;
    }
}
