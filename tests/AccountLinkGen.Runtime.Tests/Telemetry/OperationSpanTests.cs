using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Generated;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Telemetry;

public sealed class OperationSpanTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public OperationSpanTests(StripeTestServer server) => _server = server;

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_call_retried_twice_is_one_span_with_three_http_children_and_its_request_id(Sending sending)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503), ScriptedResponse.Error(500, null, ("Stripe-Should-Retry", "true")));
        var operation = NewOperation();
        using var recorder = new TelemetryRecorder(operation.OperationId);
        using StripeClient client = TestClients.Create(_server);

        await client.SendAsync(operation, path, new AccountLinkForm(), Support.AccountLink.Reader, TestClients.SpecApiVersion, new RequestOptions { StripeAccount = "acct_123" }, default, sending);

        Activity span = recorder.Operation;
        Assert.Equal("POST /v1/account_links/{link}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(2, span.GetTagItem("http.request.resend_count"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
        Assert.Equal("/v1/account_links/{link}", span.GetTagItem("url.template"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(operation.OperationId, span.GetTagItem("stripe.operation"));
        Assert.Equal("acct_123", span.GetTagItem("stripe.account"));
        Assert.StartsWith("req_", (string)span.GetTagItem("stripe.request_id")!);
        var requests = _server.RequestsFor(path);
        Assert.Equal(requests[0].Header("Idempotency-Key"), span.GetTagItem("stripe.idempotency_key"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));

        Assert.Equal(3, recorder.HttpSpans.Count);
        Assert.All(recorder.HttpSpans, child => Assert.Equal(span.SpanId, child.ParentSpanId));
        Assert.All(requests, r => Assert.Contains(span.TraceId.ToHexString(), r.Header("traceparent")));
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(TestClients.ApiKey, StringComparison.Ordinal) == true);

        var duration = Assert.Single(recorder.Measurements("stripe.client.operation.duration"));
        Assert.Equal(200, duration["http.response.status_code"]);
        Assert.False(duration.ContainsKey("error.type"));
        Assert.True(Assert.Single(recorder.Values("stripe.client.operation.duration")) > 0);
        var retries = recorder.Measurements("stripe.client.retries");
        Assert.Equal(new[] { "status", "stripe_should_retry" }, retries.Select(r => (string)r["stripe.retry.reason"]!));
        Assert.Equal(new object?[] { 503, 500 }, retries.Select(r => r["http.response.status_code"]));
    }

    [Fact]
    public async Task A_4xx_marks_the_span_error_with_stripes_error_type()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(402, ScriptedResponse.ErrorBody("card_error", "Your card was declined.")));
        var operation = NewOperation();
        using var recorder = new TelemetryRecorder(operation.OperationId);
        using StripeClient client = TestClients.Create(_server);

        var ex = await Assert.ThrowsAsync<StripeApiException>(
            () => client.SendAsync(operation, path, new AccountLinkForm(), Support.AccountLink.Reader, null, null, default));

        Activity span = recorder.Operation;
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("card_error", span.GetTagItem("error.type"));
        Assert.Equal(402, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ex.RequestId, span.GetTagItem("stripe.request_id"));
        Assert.Null(span.GetTagItem("http.request.resend_count"));
        var duration = Assert.Single(recorder.Measurements("stripe.client.operation.duration"));
        Assert.Equal("card_error", duration["error.type"]);
        Assert.Equal(402, duration["http.response.status_code"]);
    }

    [Theory]
    [InlineData(false, Sending.Async)]
    [InlineData(true, Sending.Async)]
    [InlineData(false, Sending.Sync)]
    [InlineData(true, Sending.Sync)]
    public async Task Cancellation_ends_the_span_with_one_error_type_wherever_it_struck(bool duringBackoff, Sending sending)
    {
        string path = _server.NewPath();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<StripeClientOptions>? configure = null;
        if (duringBackoff)
        {
            // The first attempt fails; the backoff before the second waits until canceled (a TaskCanceledException).
            _server.Script(path, ScriptedResponse.Error(503));
            configure = options => options.DelayAsync = (delay, token) =>
            {
                waiting.TrySetResult();
                return Task.Delay(Timeout.InfiniteTimeSpan, token);
            };
        }
        else
        {
            _server.Script(path, new ScriptedResponse { Delay = TimeSpan.FromMinutes(5), Received = waiting });
        }

        var operation = NewOperation();
        using var recorder = new TelemetryRecorder(operation.OperationId);
        using StripeClient client = TestClients.Create(_server, configure: configure);
        using var cts = new CancellationTokenSource();

        Task call = client.SendAsync(operation, path, new AccountLinkForm(), Support.AccountLink.Reader, null, null, cts.Token, sending);
        await waiting.Task;
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Activity span = recorder.Operation;
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.OperationCanceledException", span.GetTagItem("error.type"));
        Assert.NotEqual(default, span.Duration);
        var duration = Assert.Single(recorder.Measurements("stripe.client.operation.duration"));
        Assert.Equal("System.OperationCanceledException", duration["error.type"]);
    }

    [Theory]
    [MemberData(nameof(SendingExtensions.Both), MemberType = typeof(SendingExtensions))]
    public async Task A_retry_is_counted_when_it_is_sent_so_a_call_canceled_during_its_backoff_counts_none(Sending sending)
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503));
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = new RecordingObserver();
        var operation = NewOperation();
        using var recorder = new TelemetryRecorder(operation.OperationId);
        using StripeClient client = TestClients.Create(_server, configure: options =>
        {
            options.Observer = observer;
            options.DelayAsync = (delay, token) =>
            {
                waiting.TrySetResult();
                return Task.Delay(Timeout.InfiniteTimeSpan, token);
            };
        });
        using var cts = new CancellationTokenSource();

        Task call = client.SendAsync(operation, path, new AccountLinkForm(), Support.AccountLink.Reader, null, null, cts.Token, sending);
        await waiting.Task;
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // The retry was decided (the observer heard why the call paused) but never sent: nothing counts it.
        Assert.Equal(new int?[] { 503 }, observer.RetryStatuses);
        Assert.Single(_server.RequestsFor(path));
        Assert.Empty(recorder.Measurements("stripe.client.retries"));
        Assert.Null(recorder.Operation.GetTagItem("http.request.resend_count"));
    }

    [Fact]
    public async Task The_api_key_is_in_no_metric_tag_and_no_tag_of_our_span_or_httpclients_spans()
    {
        string path = _server.NewPath();
        string echo = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: " + TestClients.ApiKey + "\",\"param\":\"" + TestClients.ApiKey + "\"}}";
        _server.Script(path, ScriptedResponse.Error(503, echo), ScriptedResponse.Error(401, echo));
        var operation = NewOperation();
        using var recorder = new TelemetryRecorder(operation.OperationId);
        using StripeClient client = TestClients.Create(_server);

        await Assert.ThrowsAsync<StripeApiException>(
            () => client.SendAsync(operation, path, new AccountLinkForm(), Support.AccountLink.Reader, null, null, default));

        // What every listener can see: both instruments' tags, and the tags of every span, ours and HttpClient's.
        var tags = recorder.Measurements("stripe.client.operation.duration")
            .Concat(recorder.Measurements("stripe.client.retries"))
            .SelectMany(m => m.Values)
            .Concat(recorder.Stopped.SelectMany(a => a.TagObjects.Select(t => t.Value)))
            .Select(v => v?.ToString() ?? string.Empty)
            .ToList();
        Assert.Equal(2, recorder.HttpSpans.Count);
        Assert.Single(recorder.Measurements("stripe.client.retries"));
        Assert.Contains("invalid_request_error", tags);
        Assert.DoesNotContain(tags, t => t.Contains(TestClients.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.Stopped, a => a.DisplayName.Contains(TestClients.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generated_services_name_the_span_after_the_spec_operation()
    {
        string prefix = _server.NewPath("/telemetry");
        using var recorder = new TelemetryRecorder("PostAccountLinks");
        using StripeClient client = TestClients.Create(_server, configure: o => o.BaseAddress = new Uri(_server.BaseAddress, prefix.TrimStart('/') + "/"));

        await new AccountLinkService(client).CreateAsync(new AccountLinkCreateOptions
        {
            Account = "acct_1Nv0FGQ9RKHgCVdK",
            Type = AccountLinkType.AccountOnboarding,
            RefreshUrl = "https://example.com/reauth",
            ReturnUrl = "https://example.com/return",
        });

        Activity span = recorder.Operation;
        Assert.Equal("POST /v1/account_links", span.DisplayName);
        Assert.Equal("PostAccountLinks", span.GetTagItem("stripe.operation"));
        Assert.Equal("/v1/account_links", span.GetTagItem("url.template"));
        Assert.Single(recorder.HttpSpans);
    }

    [Fact]
    public async Task An_observer_that_throws_changes_neither_the_call_nor_its_span()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503), ScriptedResponse.Error(402, ScriptedResponse.ErrorBody("card_error", "Your card was declined.")));
        var operation = NewOperation();
        using var recorder = new TelemetryRecorder(operation.OperationId);
        var observer = new ThrowingObserver();
        using StripeClient client = TestClients.Create(_server, configure: o => o.Observer = observer);

        // The retry still happens and the caller sees Stripe's error, not the observer's.
        await Assert.ThrowsAsync<StripeApiException>(
            () => client.SendAsync(operation, path, new AccountLinkForm(), Support.AccountLink.Reader, null, null, default));

        Assert.Equal(2, _server.RequestsFor(path).Count);
        Assert.Equal(new[] { "retry", "failure" }, observer.Calls);
        Activity span = recorder.Operation;
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("card_error", span.GetTagItem("error.type"));
        Assert.Single(recorder.Measurements("stripe.client.operation.duration"));
    }

    private sealed class RecordingObserver : StripeClientObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<int?> Retries { get; } = new();

        public int?[] RetryStatuses => Retries.ToArray();

        public override void OnRetry(string operation, int attempt, TimeSpan delay, StripeRetryReason reason, int? statusCode, string? requestId) =>
            Retries.Enqueue(statusCode);
    }

    private sealed class ThrowingObserver : StripeClientObserver
    {
        public System.Collections.Generic.List<string> Calls { get; } = new();

        public override void OnRetry(string operation, int attempt, TimeSpan delay, StripeRetryReason reason, int? statusCode, string? requestId)
        {
            Calls.Add("retry");
            throw new InvalidOperationException("observer failed on retry");
        }

        public override void OnFailure(string operation, StripeException exception)
        {
            Calls.Add("failure");
            throw new InvalidOperationException("observer failed on failure");
        }
    }

    private static StripeOperation NewOperation() =>
        new("Test" + Guid.NewGuid().ToString("N"), HttpMethod.Post, "/v1/account_links/{link}");
}
