using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AccountLinkGen.Wire.Tests.Generated;
using CsCheck;

namespace AccountLinkGen.Wire.Tests.Support;

/// <summary>Random <see cref="AccountLinkCreateOptions"/> that reach every corner of the wire format.</summary>
public static class OptionsGen
{
    /// <summary>Characters the form encoding treats specially, or that encoders commonly get wrong.</summary>
    private const string AsciiSpecials = " &=+#%[]~'\"<>\\^`{|}!*()-_.,;:/?@$\t\r\n\0\u007f";

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"], 1, 8]),
        (4, Gen.Char[AsciiSpecials].Select(c => c.ToString())),
        (2, Gen.Char['\u0080', '\u07FF'].Select(c => c.ToString())),
        (2, Gen.Char['\u0800', '\uD7FF'].Select(c => c.ToString())),
        (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
        (3, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (2, Gen.Char['\uD800', '\uDBFF'].Select(c => c.ToString())),
        (2, Gen.Char['\uDC00', '\uDFFF'].Select(c => c.ToString())),
        (1, Gen.Char.Select(c => c.ToString())));

    /// <summary>Any string, empty included, now and then long.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (1, Gen.Const(string.Empty)),
        (12, Piece.Array[1, 12].Select(pieces => string.Concat(pieces))),
        (1, Piece.Array[300, 900].Select(pieces => string.Concat(pieces))));

    public static readonly Gen<string?> NullableText = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (9, Text.Select(s => (string?)s)));

    /// <summary>Known, unknown and default values of the open enum.</summary>
    public static readonly Gen<AccountLinkType> Type = Gen.Frequency(
        (4, Gen.Const(AccountLinkType.AccountOnboarding)),
        (4, Gen.Const(AccountLinkType.AccountUpdate)),
        (1, Gen.Const(new AccountLinkType("future_type"))),
        (2, Text.Select(s => new AccountLinkType(s))),
        (1, Gen.Const(default(AccountLinkType))));

    /// <summary>Null, empty, short and long lists; items are never null (see the table tests for null items).</summary>
    public static readonly Gen<List<string>?> Expand = Gen.Frequency(
        (2, Gen.Const((List<string>?)null)),
        (1, Gen.Const(() => (List<string>?)new List<string>())),
        (5, Text.List[1, 5].Select(l => (List<string>?)l)),
        (1, Text.List[50, 200].Select(l => (List<string>?)l)));

    public static readonly Gen<AccountLinkCollectionOptions?> CollectionOptions = Gen.Frequency(
        (1, Gen.Const((AccountLinkCollectionOptions?)null)),
        (3, Gen.Select(
            Gen.Enum<AccountLinkCollectionOptionsFields>().Nullable(0.3),
            Gen.Enum<AccountLinkCollectionOptionsFutureRequirements>().Nullable(0.3),
            (fields, future) => (AccountLinkCollectionOptions?)new AccountLinkCollectionOptions
            {
                Fields = fields,
                FutureRequirements = future,
            })));

    public static readonly Gen<AccountLinkCollect?> Collect = Gen.Enum<AccountLinkCollect>().Nullable(0.6);

    public static readonly Gen<AccountLinkCreateOptions> Options = Gen.Select(
        NullableText, Type, Collect, CollectionOptions, NullableText, NullableText, Expand,
        (account, type, collect, collectionOptions, refreshUrl, returnUrl, expand) =>
        {
            var options = new AccountLinkCreateOptions
            {
                Account = account!,
                Type = type,
                CollectionOptions = collectionOptions,
                RefreshUrl = refreshUrl!,
                ReturnUrl = returnUrl!,
                Expand = expand,
            };
#pragma warning disable CS0618 // the deprecated parameter must still encode like Stripe.net's.
            options.Collect = collect;
#pragma warning restore CS0618
            return options;
        });

    /// <summary>A readable, unambiguous rendering for failure messages: every non-ASCII unit escaped.</summary>
    public static string Print(AccountLinkCreateOptions options)
    {
#pragma warning disable CS0618
        AccountLinkCollect? collect = options.Collect;
#pragma warning restore CS0618
        var text = new StringBuilder();
        text.Append("account=").Append(Escape(options.Account))
            .Append(" type=").Append(Escape(options.Type.Value))
            .Append(" collect=").Append(collect?.ToString() ?? "null")
            .Append(" collection_options=").Append(options.CollectionOptions is { } c ? $"{{fields={c.Fields?.ToString() ?? "null"}, future_requirements={c.FutureRequirements?.ToString() ?? "null"}}}" : "null")
            .Append(" refresh_url=").Append(Escape(options.RefreshUrl))
            .Append(" return_url=").Append(Escape(options.ReturnUrl))
            .Append(" expand=").Append(options.Expand is null ? "null" : "[" + string.Join(", ", options.Expand.Select(Escape)) + "]");
        return text.ToString();
    }

    public static string Escape(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                text.Append(c);
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.Append('"').ToString();
    }
}
