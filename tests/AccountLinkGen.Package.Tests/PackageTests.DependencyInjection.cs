using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace AccountLinkGen.Package.Tests;

public sealed partial class PackageTests
{
    /// <summary>
    /// A consumer that references the generator and the DI package only (the runtime comes with the DI package),
    /// registers the client with <c>AddStripeClient</c>, and logs through an <c>ILoggerProvider</c> of its own.
    /// </summary>
    private const string DependencyInjectionProgram = """
        using System;
        using System.Collections.Generic;
        using AccountLinkGen;
        using Consumer.Stripe;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new LineLoggerProvider()).SetMinimumLevel(LogLevel.Trace));
        services.AddStripeClient(options =>
        {
            options.ApiKey = "sk_test_package";
            options.BaseAddress = new Uri(System.IO.File.ReadAllText("base-address.txt"));
            options.InitialRetryDelay = TimeSpan.Zero;
        });
        services.AddTransient<AccountLinkService>();
        using ServiceProvider provider = services.BuildServiceProvider();

        AccountLink link = await provider.GetRequiredService<AccountLinkService>().CreateAsync(new AccountLinkCreateOptions
        {
            Account = "acct_1Mt0CORHFI4mz9Rw",
            Type = AccountLinkType.AccountOnboarding,
            RefreshUrl = "https://example.com/reauth",
            ReturnUrl = "https://example.com/return",
        });
        Console.WriteLine(link.Url);

        sealed class LineLoggerProvider : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName);

            public void Dispose()
            {
            }
        }

        sealed class LineLogger(string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (category.StartsWith("AccountLinkGen", StringComparison.Ordinal))
                {
                    Console.WriteLine($"log {logLevel} {eventId.Id}: {formatter(state, exception)}");
                }
            }
        }
        """;

    [Fact]
    public async Task DependencyInjectionConsumer_FromTheFeed_RetriesOnce_LogsTheRetryAtDebug_AndNothingAboveOnSuccess()
    {
        await using var server = await LoopbackStripe.StartAsync();
        string consumer = _feed.NewConsumer("DependencyInjection", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
                <AccountLinkGenNamespace>Consumer.Stripe</AccountLinkGenNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AccountLinkGen" Version="{PackageFeedFixture.Version}" PrivateAssets="all" />
                <PackageReference Include="AccountLinkGen.Runtime.DependencyInjection" Version="{PackageFeedFixture.Version}" />
                <AccountLinkGenSpec Include="account_links.yaml" Operations="PostAccountLinks" />
              </ItemGroup>
            </Project>
            """,
            ("Program.cs", DependencyInjectionProgram), ("account_links.yaml", SpecText()), ("base-address.txt", server.BaseAddress.AbsoluteUri));

        string output = DotNet.Succeed(consumer, "run", "--nologo");

        string[] lines = Lines(output);
        Assert.Equal(LoopbackStripe.LinkUrl, lines[^1]);
        string[] logs = lines.Where(l => l.StartsWith("log ", System.StringComparison.Ordinal)).ToArray();
        string retry = Assert.Single(logs);
        Assert.StartsWith("log Debug 1: Stripe ", retry);
        Assert.Contains("attempt 1 failed", retry);
        Assert.Contains("status 500", retry);
        Assert.Contains("req_first", retry);
        Assert.DoesNotContain("sk_test_package", output);

        // Two attempts of one logical request: the same idempotency key on both.
        string[] keys = server.IdempotencyKeys.ToArray();
        Assert.Equal(2, keys.Length);
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.Equal(keys[0], keys[1]);
    }
}
