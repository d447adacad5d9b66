using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Wire.Tests.Generated;
using Xunit;
using static AccountLinkGen.ValidationSeverity;

namespace AccountLinkGen.Wire.Tests.Validation;

/// <summary>
/// Each case changes valid options and lists every (param, code, severity) that <c>Validate()</c> must report,
/// no more and no fewer: a validator that stops at the first problem fails the combined cases.
/// </summary>
public sealed class ValidatorTableTests
{
    private static readonly string Long5000 = new('a', 5000);
    private static readonly string Long5001 = new('a', 5001);

    private static readonly IReadOnlyList<ValidatorCase> Cases = new ValidatorCase[]
    {
        // Valid options.
        new("valid: required parameters only", _ => { }),
        new("valid: every parameter but collect", o => SetFull(o)),
        new("valid: account_update", o => o.Type = AccountLinkType.AccountUpdate),
        new("valid: open enum with an unknown value", o => o.Type = "future_type"),
        new("valid: open enum with a non-ASCII unknown value", o => o.Type = "\u03a9_type"),
        new("valid: empty collection_options", o => o.CollectionOptions = new AccountLinkCollectionOptions()),
        new("valid: collection_options fields only", o => o.CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.CurrentlyDue }),
        new("valid: collection_options future_requirements only", o => o.CollectionOptions = new AccountLinkCollectionOptions { FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Omit }),
        new("valid: empty expand list", o => o.Expand = new List<string>()),
        new("valid: expand item of 5000 characters", o => o.Expand = new List<string> { Long5000 }),
        new("valid: account of 5000 characters", o => o.Account = Long5000),
        new("valid: plain http URLs", o => { o.RefreshUrl = "http://localhost/reauth"; o.ReturnUrl = "http://127.0.0.1:8080/return"; }),
        new("valid: URLs with port, query and fragment", o => o.ReturnUrl = "https://example.com:8443/return?a=1&b=%20#done"),
        new("valid: astral and accented characters in account", o => o.Account = "acct_\u00e9\U0001F600"),
        new("valid: tab is not a control character here", o => o.Account = "acct\t1"),
        new("valid: CR and LF are ordinary text in a body", o => o.Account = "acct\r\n1"),
        new("valid: CR and LF in an expand item", o => o.Expand = new List<string> { "data\r", "x\n" }),
        new("valid: an open enum value with LF", o => o.Type = "account\nonboarding"),
        new("valid: format uri takes any scheme", o => { o.RefreshUrl = "ftp://x"; o.ReturnUrl = "myapp://return"; }),
        new("valid: format uri takes a scheme without authority", o => { o.RefreshUrl = "mailto:ops@example.com"; o.ReturnUrl = "urn:isbn:0451450523"; }),

        // account
        new("account null", o => o.Account = null!, ("account", "required", Error)),
        new("account empty", o => o.Account = "", ("account", "required", Error)),
        new("account 5001 characters", o => o.Account = Long5001, ("account", "max_length", Error)),
        new("account with NUL", o => o.Account = "acct\u00001", ("account", "control_character", Error)),
        new("account too long and with NUL", o => o.Account = Long5001 + "\u0000", ("account", "control_character", Error), ("account", "max_length", Error)),
        new("account too long with LF is only too long", o => o.Account = Long5001 + "\n", ("account", "max_length", Error)),

        // refresh_url and return_url
        new("refresh_url null", o => o.RefreshUrl = null!, ("refresh_url", "required", Error)),
        new("refresh_url empty", o => o.RefreshUrl = "", ("refresh_url", "required", Error)),
        new("refresh_url relative path", o => o.RefreshUrl = "/relative", ("refresh_url", "invalid_url", Error)),
        new("refresh_url without scheme", o => o.RefreshUrl = "example.com/reauth", ("refresh_url", "invalid_url", Error)),
        new("refresh_url scheme only", o => o.RefreshUrl = "https://", ("refresh_url", "invalid_url", Error)),
        new("refresh_url colon first", o => o.RefreshUrl = "://example.com", ("refresh_url", "invalid_url", Error)),
        new("refresh_url scheme starting with a digit", o => o.RefreshUrl = "1app://return", ("refresh_url", "invalid_url", Error)),
        new("refresh_url plain words", o => o.RefreshUrl = "not a url", ("refresh_url", "invalid_url", Error)),
        new("refresh_url with NUL", o => o.RefreshUrl = "https://example.com/\u0000", ("refresh_url", "control_character", Error)),
        new("refresh_url with NUL and no scheme", o => o.RefreshUrl = "example.com/\u0000", ("refresh_url", "control_character", Error), ("refresh_url", "invalid_url", Error)),
        new("return_url null", o => o.ReturnUrl = null!, ("return_url", "required", Error)),
        new("return_url empty", o => o.ReturnUrl = "", ("return_url", "required", Error)),
        new("return_url relative path", o => o.ReturnUrl = "/relative", ("return_url", "invalid_url", Error)),
        new("return_url with a space", o => o.ReturnUrl = "https://example.com/a b", ("return_url", "invalid_url", Error)),
        new("return_url with CR LF is no URI", o => o.ReturnUrl = "https://example.com/\r\nSet-Cookie: a=b", ("return_url", "invalid_url", Error)),

        // type (an open enum)
        new("type default", o => o.Type = default, ("type", "required", Error)),
        new("type empty", o => o.Type = "", ("type", "required", Error)),
        new("type NUL", o => o.Type = "\u0000", ("type", "control_character", Error)),

        // collect (deprecated) and collection_options
        new("collect currently_due alone only warns", o => SetCollect(o, AccountLinkCollect.CurrentlyDue), ("collect", "deprecated", Warning)),
        new("collect eventually_due alone only warns", o => SetCollect(o, AccountLinkCollect.EventuallyDue), ("collect", "deprecated", Warning)),
        new("collect undefined value", o => SetCollect(o, (AccountLinkCollect)99), ("collect", "deprecated", Warning), ("collect", "invalid_enum", Error)),
        new("collect with collection_options", o => { SetFull(o); SetCollect(o, AccountLinkCollect.CurrentlyDue); }, ("collect", "deprecated", Warning), ("collection_options", "mutually_exclusive", Error)),
        new("collect with empty collection_options", o => { o.CollectionOptions = new AccountLinkCollectionOptions(); SetCollect(o, AccountLinkCollect.EventuallyDue); }, ("collect", "deprecated", Warning), ("collection_options", "mutually_exclusive", Error)),
        new("collection_options fields undefined", o => o.CollectionOptions = new AccountLinkCollectionOptions { Fields = (AccountLinkCollectionOptionsFields)99 }, ("collection_options[fields]", "invalid_enum", Error)),
        new("collection_options future_requirements undefined", o => o.CollectionOptions = new AccountLinkCollectionOptions { FutureRequirements = (AccountLinkCollectionOptionsFutureRequirements)(-1) }, ("collection_options[future_requirements]", "invalid_enum", Error)),
        new("collection_options both undefined", o => o.CollectionOptions = new AccountLinkCollectionOptions { Fields = (AccountLinkCollectionOptionsFields)2, FutureRequirements = (AccountLinkCollectionOptionsFutureRequirements)2 }, ("collection_options[fields]", "invalid_enum", Error), ("collection_options[future_requirements]", "invalid_enum", Error)),

        // expand
        new("expand item 3 null", o => o.Expand = new List<string> { "a", "b", "c", null! }, ("expand[3]", "required", Error)),
        new("expand item 3 empty", o => o.Expand = new List<string> { "a", "b", "c", "" }, ("expand[3]", "required", Error)),
        new("expand item 3 too long", o => o.Expand = new List<string> { "a", "b", "c", Long5001 }, ("expand[3]", "max_length", Error)),
        new("expand item with NUL", o => o.Expand = new List<string> { "data\u0000" }, ("expand[0]", "control_character", Error)),
        new("expand item too long and with NUL", o => o.Expand = new List<string> { "ok", Long5001 + "\u0000" }, ("expand[1]", "control_character", Error), ("expand[1]", "max_length", Error)),
        new("expand several bad items", o => o.Expand = new List<string> { null!, "", "ok", "x\u0000", Long5001 },
            ("expand[0]", "required", Error), ("expand[1]", "required", Error), ("expand[3]", "control_character", Error), ("expand[4]", "max_length", Error)),

        // Everything at once.
        new("every required parameter missing", o => { o.Account = null!; o.Type = default; o.RefreshUrl = null!; o.ReturnUrl = null!; },
            ("account", "required", Error), ("type", "required", Error), ("refresh_url", "required", Error), ("return_url", "required", Error)),
        new("every string empty", o => { o.Account = ""; o.Type = ""; o.RefreshUrl = ""; o.ReturnUrl = ""; o.Expand = new List<string> { "" }; },
            ("account", "required", Error), ("type", "required", Error), ("refresh_url", "required", Error), ("return_url", "required", Error), ("expand[0]", "required", Error)),
        new("every parameter wrong", o =>
            {
                o.Account = Long5001;
                o.Type = default;
                o.RefreshUrl = "/reauth";
                o.ReturnUrl = "";
                o.CollectionOptions = new AccountLinkCollectionOptions { Fields = (AccountLinkCollectionOptionsFields)99, FutureRequirements = (AccountLinkCollectionOptionsFutureRequirements)99 };
                SetCollect(o, (AccountLinkCollect)99);
                o.Expand = new List<string> { "ok", null!, "\u0000" };
            },
            ("account", "max_length", Error),
            ("collect", "deprecated", Warning),
            ("collect", "invalid_enum", Error),
            ("collection_options[fields]", "invalid_enum", Error),
            ("collection_options[future_requirements]", "invalid_enum", Error),
            ("collection_options", "mutually_exclusive", Error),
            ("expand[1]", "required", Error),
            ("expand[2]", "control_character", Error),
            ("refresh_url", "invalid_url", Error),
            ("return_url", "required", Error),
            ("type", "required", Error)),
        new("NUL in every string", o =>
            {
                o.Account = "a\u0000";
                o.Type = "t\u0000";
                o.Expand = new List<string> { "e\u0000" };
                o.RefreshUrl = "https://example.com/\u0000";
                o.ReturnUrl = "https://example.com/\u0000";
            },
            ("account", "control_character", Error), ("type", "control_character", Error), ("expand[0]", "control_character", Error),
            ("refresh_url", "control_character", Error), ("return_url", "control_character", Error)),
    };

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var c in Cases)
        {
            names.Add(c.Name);
        }

        return names;
    }

    [Fact]
    public void The_table_is_large_and_names_are_unique()
    {
        Assert.True(Cases.Count >= 50, $"{Cases.Count} cases");
        Assert.Equal(Cases.Count, Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Validate_reports_exactly_the_expected_problems(string name)
    {
        ValidatorCase c = Cases.Single(x => x.Name == name);
        AccountLinkCreateOptions options = Valid();
        c.Change(options);

        ValidationResult result = options.Validate();

        var actual = result.Problems.Select(p => (p.Param, p.Code, p.Severity)).OrderBy(p => p.ToString(), StringComparer.Ordinal).ToArray();
        var expected = c.Expected.OrderBy(p => p.ToString(), StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(expected.All(p => p.Severity != Error), result.IsValid);
        Assert.All(result.Problems, p => Assert.Contains(p.Param, p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Collect_alone_is_a_warning_that_does_not_stop_the_request()
    {
        AccountLinkCreateOptions options = Valid();
        SetCollect(options, AccountLinkCollect.CurrentlyDue);

        ValidationResult result = options.Validate();

        Assert.True(result.IsValid);
        ValidationProblem warning = Assert.Single(result.Problems);
        Assert.Equal(Warning, warning.Severity);
        result.ThrowIfInvalid();
    }

    [Fact]
    public void Valid_options_return_the_shared_success_result()
    {
        Assert.Same(ValidationResult.Success, Valid().Validate());
    }

    internal static AccountLinkCreateOptions Valid() => new()
    {
        Account = "acct_1Nv0FGQ9RKHgCVdK",
        Type = AccountLinkType.AccountOnboarding,
        RefreshUrl = "https://example.com/reauth",
        ReturnUrl = "https://example.com/return",
    };

    private static void SetFull(AccountLinkCreateOptions options)
    {
        options.CollectionOptions = new AccountLinkCollectionOptions
        {
            Fields = AccountLinkCollectionOptionsFields.EventuallyDue,
            FutureRequirements = AccountLinkCollectionOptionsFutureRequirements.Include,
        };
        options.Expand = new List<string> { "url", "data.account", "a b" };
    }

    private static void SetCollect(AccountLinkCreateOptions options, AccountLinkCollect collect)
    {
#pragma warning disable CS0618 // the deprecated parameter is what these cases test.
        options.Collect = collect;
#pragma warning restore CS0618
    }

    private sealed record ValidatorCase(string Name, Action<AccountLinkCreateOptions> Change, params (string Param, string Code, ValidationSeverity Severity)[] Expected);
}
