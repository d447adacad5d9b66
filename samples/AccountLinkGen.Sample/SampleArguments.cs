using System;
using System.Collections.Generic;

namespace AccountLinkGen.Sample;

/// <summary>The sample's command line: <c>--name value</c> pairs; <c>--expand</c> may repeat.</summary>
internal sealed class SampleArguments
{
    public const string Usage = """
        usage: AccountLinkGen.Sample --account acct_… --type account_onboarding|account_update
                                     --refresh-url https://… --return-url https://…
                                     [--fields currently_due|eventually_due] [--future-requirements include|omit]
                                     [--expand field]… [--stripe-account acct_…] [--idempotency-key key]
                                     [--api-version version] [--base-url https://api.stripe.com/]
        Without STRIPE_API_KEY the request is printed, not sent.
        """;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "account", "type", "refresh-url", "return-url", "fields", "future-requirements", "expand",
        "stripe-account", "idempotency-key", "api-version", "base-url",
    };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public List<string> Expand { get; } = new();

    public string? this[string name] => _values.TryGetValue(name, out string? value) ? value : null;

    /// <summary>Parses the arguments; <paramref name="error"/> says what is wrong when it returns null.</summary>
    public static SampleArguments? Parse(string[] args, out string? error)
    {
        var parsed = new SampleArguments();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !Known.Contains(arg[2..]))
            {
                error = $"unknown argument '{arg}'";
                return null;
            }

            if (i + 1 >= args.Length)
            {
                error = $"'{arg}' needs a value";
                return null;
            }

            string name = arg[2..];
            string value = args[++i];
            if (name == "expand")
            {
                parsed.Expand.Add(value);
            }
            else if (!parsed._values.TryAdd(name, value))
            {
                error = $"'{arg}' is given twice";
                return null;
            }
        }

        error = null;
        return parsed;
    }
}
