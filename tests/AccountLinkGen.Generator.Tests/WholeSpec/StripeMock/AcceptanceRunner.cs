using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>How one request of the acceptance run ended, from best to worst understood.</summary>
internal enum Outcome
{
    /// <summary>
    /// stripe-mock accepted a request that carried every parameter the case sets (bar those ALG0004 skips), and the
    /// model holds exactly the values of the response.
    /// </summary>
    Complete,

    /// <summary>Accepted and read exactly, but the request left out parameters the harness could not set (<see cref="RequestGap"/>).</summary>
    Unsent,

    /// <summary>
    /// Accepted and read exactly, but the request, decoded by ASP.NET Core's form reader, lacks a value the harness
    /// set or carries another one (<see cref="SentForm"/>): the encoder dropped or changed a member.
    /// </summary>
    NotAsSet,

    /// <summary>Accepted, but the model differs from the response: a key without a member, a value that is not the JSON's.</summary>
    Mismatch,

    /// <summary>Accepted, but the generated reader threw on the response.</summary>
    Unreadable,

    /// <summary>stripe-mock answered with an error.</summary>
    Rejected,

    /// <summary>The generated <c>Validate()</c> refused the options; nothing was sent.</summary>
    RefusedByValidation,

    /// <summary>An exception in the harness or in generated code.</summary>
    Exception,

    /// <summary>The generator skipped the operation (ALG0004).</summary>
    NotGenerated,
}

/// <summary>One request of the acceptance run: operation, case (minimal, rich or edge), outcome and evidence.</summary>
internal sealed record CaseResult(string OperationId, string Case, Outcome Outcome, string Detail, string Request)
{
    /// <summary>What the request could not carry and no ALG0004 explains.</summary>
    public IReadOnlyList<RequestGap> Unsent { get; init; } = Array.Empty<RequestGap>();

    /// <summary>The ALG0004 skips that explain what this request, or this operation, could not carry.</summary>
    public IReadOnlyList<GeneratorSkip> Skips { get; init; } = Array.Empty<GeneratorSkip>();
}

/// <summary>
/// Sends each operation of the spec through its generated service to stripe-mock, once per <see cref="Cases"/>
/// entry (minimal, rich and edge options), and sorts the results into <see cref="Outcome"/>s.
/// </summary>
internal sealed class AcceptanceRunner : IDisposable
{
    public const string Minimal = "minimal";
    public const string Rich = "rich";
    public const string Edge = "edge";
    private const string ApiKey = "sk_test_123";

    public static readonly string[] Cases = { Minimal, Rich, Edge };

    private readonly WholeSpecClientFixture _client;
    private readonly SpecSchemas _spec;
    private readonly RequestBuilder _builder;
    private readonly ResponseComparer _comparer;
    private readonly Dictionary<string, OperationModel> _operations;
    private readonly HttpClient _http;
    private readonly StripeClient _stripe;
    private readonly Uri _baseAddress;

    public AcceptanceRunner(WholeSpecClientFixture client, SpecSchemas spec, Uri baseAddress)
    {
        _client = client;
        _spec = spec;
        _baseAddress = baseAddress;
        _builder = new RequestBuilder(spec, client.Model);
        _comparer = new ResponseComparer(client.Model);
        _operations = client.Model.Operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
        _http = new HttpClient(new CapturingHandler(new SocketsHttpHandler())) { Timeout = Timeout.InfiniteTimeSpan };

        // No retries: a rejection is the answer to report, not something to wait out.
        _stripe = new StripeClient(
            new StripeClientOptions { ApiKey = ApiKey, BaseAddress = baseAddress, FilesBaseAddress = baseAddress, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(20) },
            _http);
    }

    /// <summary>How many JSON values of each kind the responses so far were compared on.</summary>
    public IReadOnlyDictionary<TypeKind, long> Compared => _comparer.Compared;

    public async Task<IReadOnlyList<CaseResult>> RunAsync(IEnumerable<SpecOperation> operations, int concurrency)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var tasks = new List<Task<CaseResult>>();
        foreach (SpecOperation operation in operations)
        {
            foreach (string @case in Cases)
            {
                tasks.Add(Task.Run(async () =>
                {
                    await gate.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        return await RunAsync(operation, @case).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
        }

        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    public async Task<CaseResult> RunAsync(SpecOperation operation, string @case)
    {
        if (!_operations.TryGetValue(operation.OperationId, out OperationModel? model))
        {
            GeneratorSkip? skip = _client.Skips.Find(operation.OperationId, parameter: null);
            return new CaseResult(operation.OperationId, @case, Outcome.NotGenerated,
                $"{operation.HttpMethod} {operation.Path} is not in the generator's model; " + (skip is null ? "no ALG0004 says why" : "ALG0004: " + skip.Message),
                string.Empty)
            {
                Skips = skip is null ? Array.Empty<GeneratorSkip>() : new[] { skip },
            };
        }

        var gaps = new List<RequestGap>();
        var sent = new SentForm();
        object? options;
        object service;
        MethodInfo method;
        object?[] arguments;
        try
        {
            Type serviceType = _client.Assembly.GetType(WholeSpecClientFixture.Namespace + "." + model.ServiceName)
                ?? throw new InvalidOperationException($"no service {model.ServiceName}");
            // Overloads of one name (a singleton's GetAsync() beside GetAsync(id)) differ in their path parameters.
            method = serviceType.GetMethods().Single(m => m.Name == model.MethodName && m.GetParameters().Count(p => p.ParameterType == typeof(string)) == model.PathParameters.Count);
            Type? optionsType = model.OptionsClass is { } name
                ? _client.Assembly.GetType(WholeSpecClientFixture.Namespace + "." + name) ?? throw new InvalidOperationException($"no options class {name}")
                : null;
            options = optionsType is null ? null : _builder.Build(optionsType, operation, CaseOf(@case), gaps, sent);
            if (optionsType is null)
            {
                RequestBuilder.NoteWithoutOptions(_spec, operation, CaseOf(@case), gaps);
            }

            service = Activator.CreateInstance(serviceType, _stripe)!;
            arguments = Arguments(method, model, options);
        }
        catch (Exception e)
        {
            return new CaseResult(operation.OperationId, @case, Outcome.Exception, "harness: " + Describe(e), string.Empty);
        }

        // Only a parameter the generator skipped with ALG0004 may stay unsent; each such gap names its diagnostic.
        var skips = gaps.Select(g => g.NoMember ? _client.Skips.Find(operation.OperationId, g.Parameter) : null).ToList();
        var unsent = gaps.Where((_, i) => skips[i] is null).ToList();
        var used = skips.OfType<GeneratorSkip>().Distinct().ToList();
        string harnessNotes = (unsent.Count == 0 ? string.Empty : " [not sent: " + string.Join("; ", unsent) + "]")
            + (used.Count == 0 ? string.Empty : " [skipped by ALG0004: " + string.Join("; ", used.Select(s => s.Parameter)) + "]");
        CaseResult Result(Outcome outcome, string detail, string request) =>
            new(operation.OperationId, @case, outcome, (detail + harnessNotes).Trim(), request) { Unsent = unsent, Skips = used };

        Exchange exchange = CapturingHandler.Begin();
        object? response;
        try
        {
            var task = (Task)method.Invoke(service, arguments)!;
            await task.ConfigureAwait(false);
            response = task.GetType().GetProperty("Result")!.GetValue(task);
        }
        catch (Exception thrown)
        {
            Exception e = Unwrap(thrown);
            string request = exchange.Request;
            return e switch
            {
                StripeValidationException invalid => Result(Outcome.RefusedByValidation,
                    string.Join("; ", invalid.Result.Problems.Where(p => p.Severity == ValidationSeverity.Error).Select(p => $"{p.Param}: {p.Message}"))
                    + "; " + await WhatStripeMockSaysAsync(operation, options).ConfigureAwait(false),
                    options is null ? string.Empty : FormOf(options)),
                StripeApiException rejected => Result(Outcome.Rejected, $"{(int)rejected.StatusCode} {rejected.StripeError?.Message ?? rejected.Message}", request),
                StripeResponseException unreadable => Result(Outcome.Unreadable, $"{unreadable.InnerException?.GetType().Name}: {unreadable.InnerException?.Message}", request),
                _ => Result(Outcome.Exception, Describe(e), request),
            };
        }

        if (response is null || exchange.ResponseBody is null)
        {
            return Result(Outcome.Exception, "the service returned no model", exchange.Request);
        }

        List<string> differences = model.Success == SuccessKind.Stream ? await DownloadDifferencesAsync((System.IO.Stream)response, exchange.ResponseBody).ConfigureAwait(false) : Differences(exchange.ResponseBody, response, model);
        List<string> notAsSet = sent.Differences(exchange.Request);
        return differences.Count > 0 ? Result(Outcome.Mismatch, string.Join("; ", differences), exchange.Request)
            : notAsSet.Count > 0 ? Result(Outcome.NotAsSet, string.Join("; ", notAsSet), exchange.Request)
            : unsent.Count > 0 ? Result(Outcome.Unsent, "accepted and read exactly, but the request left out what the harness could not set", exchange.Request)
            : Result(Outcome.Complete, string.Empty, exchange.Request);
    }

    private List<string> Differences(byte[] body, object response, OperationModel model)
    {
        using JsonDocument json = JsonDocument.Parse(body);
        return _comparer.Differences(json.RootElement, response, model.Response);
    }

    /// <summary>A download (a quote's PDF) is not JSON: the stream must hold the bytes stripe-mock sent, no more, no less.</summary>
    private static async Task<List<string>> DownloadDifferencesAsync(System.IO.Stream download, byte[] sent)
    {
        using var read = new System.IO.MemoryStream();
        await using (download.ConfigureAwait(false))
        {
            await download.CopyToAsync(read).ConfigureAwait(false);
        }

        return read.ToArray().AsSpan().SequenceEqual(sent) && sent.Length > 0
            ? new List<string>()
            : new List<string> { $"the download holds {read.Length} bytes, not the {sent.Length} stripe-mock sent" };
    }

    public void Dispose()
    {
        _stripe.Dispose();
        _http.Dispose();
    }

    private static RequestCase CaseOf(string @case) => @case switch
    {
        Rich => RequestCase.Rich,
        Edge => RequestCase.Edge,
        _ => RequestCase.Minimal,
    };

    private static object?[] Arguments(MethodInfo method, OperationModel model, object? options)
    {
        ParameterInfo[] parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            ParameterInfo parameter = parameters[i];
            PathParameterModel? path = model.PathParameters.FirstOrDefault(p => p.Name.TrimStart('@') == parameter.Name);
            arguments[i] = path is not null ? RequestBuilder.PathValue(path.WireName)
                : options is not null && parameter.ParameterType.IsInstanceOfType(options) ? options
                : parameter.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : parameter.HasDefaultValue ? parameter.DefaultValue
                : null;
        }

        return arguments;
    }

    /// <summary>
    /// For options the generated validator refused: what stripe-mock answers to the same parameters, sent as the
    /// generated encoder writes them. That tells a too-strict validator from a harness value stripe-mock rejects too.
    /// </summary>
    private async Task<string> WhatStripeMockSaysAsync(SpecOperation operation, object? options)
    {
        try
        {
            return await SendRawAsync(operation, options).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return "the same parameters could not be sent raw: " + Describe(e);
        }
    }

    private async Task<string> SendRawAsync(SpecOperation operation, object? options)
    {
        string form = options is null ? string.Empty : FormOf(options);
        string path = operation.Path;
        foreach (string name in System.Text.RegularExpressions.Regex.Matches(path, @"\{([^}]+)\}").Select(m => m.Groups[1].Value))
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(RequestBuilder.PathValue(name)), StringComparison.Ordinal);
        }

        bool post = operation.HttpMethod == "POST";
        string uri = new Uri(_baseAddress, path).AbsoluteUri + (post || form.Length == 0 ? string.Empty : "?" + form);
        using var request = new HttpRequestMessage(new HttpMethod(operation.HttpMethod), uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        if (post)
        {
            request.Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using HttpResponseMessage response = await _http.SendAsync(request).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return $"stripe-mock accepts the same parameters ({(int)response.StatusCode})";
        }

        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return $"stripe-mock rejects them too: {(int)response.StatusCode} {ErrorMessage(body)}";
    }

    private static string FormOf(object options) =>
        options.GetType().GetMethod("ToFormUrlEncoded")?.Invoke(options, null) as string ?? string.Empty;

    private static string ErrorMessage(string body)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("error").GetProperty("message").GetString() ?? body;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return body;
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while ((e is TargetInvocationException or AggregateException) && e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }

    private static string Describe(Exception e)
    {
        e = Unwrap(e);
        string frame = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
        return $"{e.GetType().Name}: {e.Message} {frame}".Trim();
    }
}
