using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;

namespace AccountLinkGen.Sample;

/// <summary>
/// The sample's command line, read by System.CommandLine: <c>--name value</c> pairs, <c>--expand</c> repeatable,
/// <c>--help</c>, <c>-h</c> or <c>-?</c> for the usage.
/// </summary>
/// <remarks>
/// The sample reports its own messages and exit code 2 instead of invoking System.CommandLine's error action, whose
/// texts are localized, suggest options and exit with 1. It is also stricter than System.CommandLine's grammar,
/// which would otherwise accept silently what the sample has always refused: <c>--name=value</c> and
/// <c>--name:value</c>, <c>--</c>, a leading <c>[directive]</c>, and an option repeated without its value. One
/// difference from the hand-written parser this replaced is deliberate: a value spelled as that syntax (<c>--</c>,
/// or <c>--fields=x</c> after another option) is "needs a value" now, where it used to be taken as the text.
/// No option is <c>Required</c>: the generated <c>Validate()</c> reports a missing one by Stripe's parameter name.
/// </remarks>
internal sealed class SampleCommandLine
{
    // Wide enough for every description on one line; a fixed width makes the usage the same in a terminal, a pipe
    // and a test.
    private const int UsageWidth = 110;

    private static readonly ParserConfiguration Configuration = new()
    {
        // Single-dash bundling and @response files would give a value such as "-abc" or "@key" a second meaning.
        EnablePosixBundling = false,
        ResponseFileTokenReplacer = null,
    };

    // A plain Command rather than a RootCommand, which adds --version and directives that mean nothing here, and
    // names itself after the executable file: a NativeAOT build's "AccountLinkGen.Sample" would read "AccountLinkGen".
    private readonly Command _root = new("AccountLinkGen.Sample", "Validates an account link request and prints it; sends it instead when STRIPE_API_KEY is set.");

    private readonly Option<string> _account = Value("--account", "acct_…", "The connected account (required)");
    private readonly Option<string> _type = Value("--type", "account_onboarding|account_update", "The kind of link (required)");
    private readonly Option<string> _refreshUrl = Value("--refresh-url", "https://…", "Where an expired link sends the user (required)");
    private readonly Option<string> _returnUrl = Value("--return-url", "https://…", "Where the user returns when done (required)");
    private readonly Option<string> _fields = Value("--fields", "currently_due|eventually_due", "collection_options[fields]");
    private readonly Option<string> _futureRequirements = Value("--future-requirements", "include|omit", "collection_options[future_requirements]");
    private readonly Option<string> _stripeAccount = Value("--stripe-account", "acct_…", "Send as this connected account (Stripe-Account)");
    private readonly Option<string> _idempotencyKey = Value("--idempotency-key", "key", "Idempotency-Key; reuse it to retry safely");
    private readonly Option<string> _apiVersion = Value("--api-version", "version", "Stripe-Version");
    private readonly Option<string> _baseUrl = Value("--base-url", "https://api.stripe.com/", "Where to send the request");

    private readonly Option<List<string>> _expand = new("--expand")
    {
        HelpName = "field",
        Description = "A response field to expand; repeat for more",
    };

    public SampleCommandLine()
    {
        foreach (Option option in new Option[] { _account, _type, _refreshUrl, _returnUrl, _fields, _futureRequirements, _expand, _stripeAccount, _idempotencyKey, _apiVersion, _baseUrl })
        {
            _root.Options.Add(option);
        }

        _root.Options.Add(new HelpOption("--help", "-h", "-?") { Action = new HelpAction { MaxWidth = UsageWidth } });
        Usage = RenderUsage();
    }

    /// <summary>The usage text, as <c>--help</c> prints it.</summary>
    public string Usage { get; }

    /// <summary>
    /// Reads the arguments. Returns null when the usage was asked for (<paramref name="helpRequested"/>) or when the
    /// arguments are malformed; <paramref name="error"/> then says what is wrong, naming the first bad argument.
    /// </summary>
    public SampleArguments? Parse(IReadOnlyList<string> args, out bool helpRequested, out string? error)
    {
        ParseResult result = _root.Parse(args, Configuration);
        helpRequested = result.Action is HelpAction;
        if (helpRequested)
        {
            error = null;
            return null;
        }

        error = FirstProblem(args, result.Tokens);
        if (error is null && result.Errors.Count > 0)
        {
            // Not reached for string options, which have no conversion errors; kept so that nothing is ever ignored.
            error = result.Errors[0].Message;
        }

        if (error is not null)
        {
            return null;
        }

        return new SampleArguments
        {
            Account = result.GetValue(_account),
            Type = result.GetValue(_type),
            RefreshUrl = result.GetValue(_refreshUrl),
            ReturnUrl = result.GetValue(_returnUrl),
            Fields = result.GetValue(_fields),
            FutureRequirements = result.GetValue(_futureRequirements),
            Expand = result.GetValue(_expand) ?? new List<string>(),
            StripeAccount = result.GetValue(_stripeAccount),
            IdempotencyKey = result.GetValue(_idempotencyKey),
            ApiVersion = result.GetValue(_apiVersion),
            BaseUrl = result.GetValue(_baseUrl),
        };
    }

    /// <summary>
    /// Walks the arguments beside System.CommandLine's tokens, which match them one to one unless it read an argument
    /// in a way the sample does not accept (split <c>--name=value</c>, <c>--</c>, a directive).
    /// </summary>
    private static string? FirstProblem(IReadOnlyList<string> args, IReadOnlyList<Token> tokens)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!IsToken(tokens, i, arg, TokenType.Option))
            {
                // An argument no option took, or one System.CommandLine split or read as syntax.
                return $"unknown argument '{arg}'";
            }

            if (i + 1 >= args.Count || !IsToken(tokens, i + 1, args[i + 1], TokenType.Argument))
            {
                return $"'{arg}' needs a value";
            }

            if (arg != "--expand" && !given.Add(arg))
            {
                return $"'{arg}' is given twice";
            }

            i++;
        }

        return null;
    }

    private static bool IsToken(IReadOnlyList<Token> tokens, int index, string arg, TokenType type) =>
        index < tokens.Count && tokens[index].Type == type && tokens[index].Value == arg;

    private static Option<string> Value(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    private string RenderUsage()
    {
        using var usage = new StringWriter();
        _root.Parse(new[] { "--help" }, Configuration).Invoke(new InvocationConfiguration { Output = usage });
        return usage.ToString();
    }
}
