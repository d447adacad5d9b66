using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Telemetry;

public sealed class RetryLogTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public RetryLogTests(StripeTestServer server) => _server = server;

    [Fact]
    public async Task Retries_are_logged_at_debug_and_the_failure_at_warning_with_its_request_id_and_never_the_key()
    {
        string path = _server.NewPath();
        _server.Script(
            path,
            ScriptedResponse.Error(503),
            ScriptedResponse.Error(500, null, ("Stripe-Should-Retry", "true")),
            ScriptedResponse.Error(402, ScriptedResponse.ErrorBody("card_error", "Declined for " + TestClients.ApiKey)));
        var (client, logs, provider) = Resolve();
        await using (provider)
        {
            var ex = await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

            var retries = logs.Entries.Where(e => e.Level == LogLevel.Debug).ToList();
            Assert.Equal(2, retries.Count);
            Assert.Contains("Status", retries[0].Message, StringComparison.Ordinal);
            Assert.Contains("StripeShouldRetry", retries[1].Message, StringComparison.Ordinal);
            var warning = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Information);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains(ex.RequestId!, warning.Message, StringComparison.Ordinal);
            Assert.Contains("card_error", warning.Message, StringComparison.Ordinal);
            Assert.All(logs.Entries, e => Assert.DoesNotContain(TestClients.ApiKey, e.Message, StringComparison.Ordinal));
            Assert.All(logs.Entries, e => Assert.DoesNotContain("Declined", e.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_success_logs_nothing_at_information_or_above()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503));
        var (client, logs, provider) = Resolve();
        await using (provider)
        {
            await client.CreateLinkAsync(path);

            Assert.Single(logs.Entries, e => e.Level == LogLevel.Debug);
            Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Information);
        }
    }

    [Fact]
    public async Task The_structured_state_of_every_log_never_holds_the_key()
    {
        string path = _server.NewPath();
        string echo = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: " + TestClients.ApiKey + "\",\"param\":\"" + TestClients.ApiKey + "\"}}";
        _server.Script(path, ScriptedResponse.Error(503, echo), ScriptedResponse.Error(401, echo));
        var (client, logs, provider) = Resolve();
        await using (provider)
        {
            await Assert.ThrowsAsync<StripeApiException>(() => client.CreateLinkAsync(path));

            // What a structured sink stores: each named value of the state, not only the rendered message.
            var values = logs.States.SelectMany(state => state).Select(pair => pair.Value?.ToString() ?? string.Empty).ToList();
            Assert.Equal(2, logs.States.Length);
            Assert.Contains(values, v => v.Contains("invalid_request_error", StringComparison.Ordinal));
            Assert.DoesNotContain(values, v => v.Contains(TestClients.ApiKey, StringComparison.Ordinal));
        }
    }

    private (StripeClient Client, CapturingLoggerProvider Logs, ServiceProvider Provider) Resolve()
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddStripeClient(o =>
        {
            o.ApiKey = TestClients.ApiKey;
            o.BaseAddress = _server.BaseAddress;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(2);
        });
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<StripeClient>(), logs, provider);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Queue { get; } = new();

        public ConcurrentQueue<(string Category, KeyValuePair<string, object?>[] State)> StateQueue { get; } = new();

        public KeyValuePair<string, object?>[][] States =>
            StateQueue.Where(e => e.Category.StartsWith("AccountLinkGen", StringComparison.Ordinal)).Select(e => e.State).ToArray();

        public (LogLevel Level, string Category, string Message)[] Entries =>
            Queue.Where(e => e.Category.StartsWith("AccountLinkGen", StringComparison.Ordinal)).ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                owner.Queue.Enqueue((logLevel, category, formatter(state, exception) + " " + state + " " + exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    owner.StateQueue.Enqueue((category, pairs.ToArray()));
                }
            }
        }
    }
}
