using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Sample;

/// <summary>
/// The sample app run as a real process (<c>dotnet AccountLinkGen.Sample.dll</c>) against the loopback test
/// server: every failure ends in a message on stderr and a non-zero exit code, never a stack trace.
/// </summary>
public sealed class SampleProcessTests : IClassFixture<StripeTestServer>
{
    private static readonly string[] ReadmeArguments =
    {
        "--account", "acct_1Mt0CORHFI4mz9Rw", "--type", "account_onboarding",
        "--refresh-url", "https://example.com/reauth", "--return-url", "https://example.com/return",
    };

    private readonly StripeTestServer _server;

    public SampleProcessTests(StripeTestServer server) => _server = server;

    [Fact]
    public async Task The_README_command_prints_the_request_and_exits_0()
    {
        SampleRun run = await RunAsync(ReadmeArguments, apiKey: null);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("POST https://api.stripe.com/v1/account_links", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(dry run: nothing was sent", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.StandardError);
    }

    [Fact]
    public async Task A_success_response_prints_the_link_and_its_request_id()
    {
        string prefix = _server.NewPath("/sample");
        _server.Script(prefix + "/v1/account_links", ScriptedResponse.Ok() with { Headers = new Dictionary<string, string> { ["Request-Id"] = "req_sample_ok" } });

        SampleRun run = await RunAsync(ReadmeArguments.Concat(new[] { "--base-url", BaseUrl(prefix) }), apiKey: "sk_test_sample");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("url:        https://connect.stripe.com/setup/s/acct_1/abc", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("request_id: req_sample_ok", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_success_body_is_a_message_and_exit_1_not_a_crash()
    {
        string prefix = _server.NewPath("/sample");
        string path = prefix + "/v1/account_links";
        _server.Script(path, ScriptedResponse.Ok() with
        {
            Body = "<html><body>Service temporarily unavailable</body></html>",
            Headers = new Dictionary<string, string> { ["Request-Id"] = "req_sample_html", ["Content-Type"] = "text/html" },
        });

        SampleRun run = await RunAsync(ReadmeArguments.Concat(new[] { "--base-url", BaseUrl(prefix) }), apiKey: "sk_test_sample");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("but the body could not be read", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("request_id: req_sample_html", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("idempotency_key: " + _server.RequestsFor(path).Single().Header("Idempotency-Key"), run.StandardError, StringComparison.Ordinal);
        AssertNoCrash(run);
    }

    [Fact]
    public async Task A_Stripe_error_is_a_message_and_exit_1()
    {
        string prefix = _server.NewPath("/sample");
        _server.Script(prefix + "/v1/account_links", ScriptedResponse.Error(400, ScriptedResponse.ErrorBody("invalid_request_error", "No such account: 'acct_1Mt0CORHFI4mz9Rw'")));

        SampleRun run = await RunAsync(ReadmeArguments.Concat(new[] { "--base-url", BaseUrl(prefix) }), apiKey: "sk_test_sample");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("No such account", run.StandardError, StringComparison.Ordinal);
        AssertNoCrash(run);
    }

    [Fact]
    public async Task A_non_ASCII_API_key_is_a_message_and_exit_2_and_nothing_is_sent()
    {
        string prefix = _server.NewPath("/sample");

        SampleRun run = await RunAsync(ReadmeArguments.Concat(new[] { "--base-url", BaseUrl(prefix) }), apiKey: "sk_test_\u00e9t\u00e9");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("ASCII", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(_server.RequestsFor(prefix + "/v1/account_links"));
        AssertNoCrash(run);
    }

    [Fact]
    public async Task An_unknown_enum_argument_names_the_value_and_the_allowed_ones()
    {
        SampleRun run = await RunAsync(ReadmeArguments.Concat(new[] { "--fields", "everything" }), apiKey: null);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--fields: 'everything' is not one of: currently_due, eventually_due", run.StandardError, StringComparison.Ordinal);
        AssertNoCrash(run);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("README --expand url -h")]
    [InlineData("--bogus --help")]
    public async Task Help_prints_the_usage_with_every_argument_and_exits_0(string commandLine)
    {
        SampleRun run = await RunAsync(Arguments(commandLine), apiKey: null);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:\n  AccountLinkGen.Sample [options]", run.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (string option in new[]
        {
            "--account <acct_…>", "--type <account_onboarding|account_update>", "--refresh-url <https://…>",
            "--return-url <https://…>", "--fields <currently_due|eventually_due>", "--future-requirements <include|omit>",
            "--expand <field>", "--stripe-account <acct_…>", "--idempotency-key <key>", "--api-version <version>",
            "--base-url <https://api.stripe.com/>", "-?, -h, --help",
        })
        {
            Assert.Contains(option, run.StandardOutput, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("POST ", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.StandardError);
    }

    [Theory]
    [InlineData("README --bogus x", "unknown argument '--bogus'")]
    [InlineData("README bogus", "unknown argument 'bogus'")]
    [InlineData("README --expand url foo", "unknown argument 'foo'")]
    [InlineData("README --ACCOUNT acct_2", "unknown argument '--ACCOUNT'")]
    [InlineData("/? README", "unknown argument '/?'")]
    [InlineData("--version", "unknown argument '--version'")]
    [InlineData("AccountLinkGen.Sample README", "unknown argument 'AccountLinkGen.Sample'")]
    [InlineData("README --account=acct_2", "unknown argument '--account=acct_2'")]
    [InlineData("README --stripe-account:acct_2", "unknown argument '--stripe-account:acct_2'")]
    [InlineData("README -- --stripe-account acct_2", "unknown argument '--'")]
    [InlineData("[diagram] README", "unknown argument '[diagram]'")]
    [InlineData("@arguments.rsp", "unknown argument '@arguments.rsp'")]
    [InlineData("README --expand", "'--expand' needs a value")]
    [InlineData("README --account", "'--account' needs a value")]
    [InlineData("README --idempotency-key --", "'--idempotency-key' needs a value")]
    [InlineData("README --type account_update", "'--type' is given twice")]
    public async Task A_malformed_command_line_names_the_first_bad_argument_prints_the_usage_and_exits_2(string commandLine, string message)
    {
        SampleRun run = await RunAsync(Arguments(commandLine), apiKey: null);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(message, run.StandardError.ReplaceLineEndings("\n").Split('\n')[0]);
        Assert.Contains("Usage:", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.StandardOutput);
        AssertNoCrash(run);
    }

    [Fact]
    public async Task A_value_that_looks_like_an_option_is_a_value()
    {
        SampleRun run = await RunAsync(Arguments("README --idempotency-key -h --expand --help --stripe-account @acct"), apiKey: null);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Idempotency-Key: -h", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Stripe-Account: @acct", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("&expand[0]=--help&", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_arguments_are_reported_by_Validate_with_Stripe_parameter_names()
    {
        SampleRun run = await RunAsync(Array.Empty<string>(), apiKey: null);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith(
            "error: account: 'account' is required. (required)\nerror: refresh_url: 'refresh_url' is required. (required)\n"
            + "error: return_url: 'return_url' is required. (required)\nerror: type: 'type' must not be empty. (required)\n",
            run.StandardError.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Contains("Usage:", run.StandardError, StringComparison.Ordinal);
        AssertNoCrash(run);
    }

    /// <summary>Splits on spaces; the word README stands for the README's arguments.</summary>
    private static IEnumerable<string> Arguments(string commandLine) =>
        commandLine.Split(' ').SelectMany(word => word == "README" ? ReadmeArguments : new[] { word });

    private string BaseUrl(string prefix) => new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/").AbsoluteUri;

    private static void AssertNoCrash(SampleRun run)
    {
        Assert.DoesNotContain("Unhandled exception", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    private static async Task<SampleRun> RunAsync(IEnumerable<string> arguments, string? apiKey)
    {
        string sample = typeof(SampleProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SampleAssembly").Value!;
        Assert.True(File.Exists(sample), $"The sample app is not built at {sample}; the test project's reference to it builds it.");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(sample);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("STRIPE_API_KEY");
        if (apiKey is not null)
        {
            start.Environment["STRIPE_API_KEY"] = apiKey;
        }

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();

        // A guard against a hung process, not a performance limit.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new SampleRun(process.ExitCode, await output, await error);
    }

    private sealed record SampleRun(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
    }
}
