using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using AccountLinkGen.Benchmarks.Generated;
using BenchmarkDotNet.Attributes;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// One fully populated request (every parameter but the deprecated <c>collect</c>, which Stripe accepts only
/// without <c>collection_options</c>) encoded three ways, plus two reference points that bound what any encoder can
/// reach on the machine of the run: a hand-written encoder for this one request, and the floor, which only copies
/// the finished body into a new string (the one allocation every encoder must make).
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private AccountLinkCreateOptions _ours = null!;
    private global::Stripe.AccountLinkCreateOptions _stripeNet = null!;
    private string _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ours = BenchmarkRequests.Ours();
        _stripeNet = BenchmarkRequests.StripeNet(_ours);

        // The comparison is only fair if both encode the same request.
        string ours = _ours.ToFormUrlEncoded();
        string theirs = StripeNetFormEncoder.CreateQueryString(_stripeNet);
        if (!ours.Split('&').Order(StringComparer.Ordinal).SequenceEqual(theirs.Split('&').Order(StringComparer.Ordinal)))
        {
            throw new InvalidOperationException($"Encoders disagree:\n  ours:       {ours}\n  Stripe.net: {theirs}");
        }

        if (HandWrittenEncoder.Encode(_ours) != ours)
        {
            throw new InvalidOperationException($"The hand-written encoder disagrees:\n  ours:         {ours}\n  hand-written: {HandWrittenEncoder.Encode(_ours)}");
        }

        _body = ours;
        Console.WriteLine($"// Encoded body: {ours.Length} chars; a string of that length is {StringSize(ours.Length)} bytes.");
    }

    [Benchmark(Baseline = true, Description = "Stripe.net FormEncoder")]
    public string StripeNet() => StripeNetFormEncoder.CreateQueryString(_stripeNet);

    [Benchmark(Description = "Naive WebUtility.UrlEncode join")]
    public string Naive()
    {
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("account", _ours.Account),
        };
        if (_ours.CollectionOptions is { } collection)
        {
            if (collection.Fields is { } fields)
            {
                pairs.Add(new("collection_options[fields]", fields.ToWireName()));
            }

            if (collection.FutureRequirements is { } future)
            {
                pairs.Add(new("collection_options[future_requirements]", future.ToWireName()));
            }
        }

        if (_ours.Expand is { } expand)
        {
            for (int i = 0; i < expand.Count; i++)
            {
                pairs.Add(new("expand[" + i + "]", expand[i]));
            }
        }

        pairs.Add(new("refresh_url", _ours.RefreshUrl));
        pairs.Add(new("return_url", _ours.ReturnUrl));
        pairs.Add(new("type", _ours.Type.Value));
        return string.Join("&", pairs.Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value)));
    }

    [Benchmark(Description = "Generated ToFormUrlEncoded")]
    public string Ours() => _ours.ToFormUrlEncoded();

    [Benchmark(Description = "Hand-written for this request")]
    public string HandWritten() => HandWrittenEncoder.Encode(_ours);

    [Benchmark(Description = "Floor: copy the finished body")]
    public string Floor() => new string(_body.AsSpan());

    /// <summary>A string's size on 64-bit .NET: 22 bytes of header, length and terminator, 2 per char, 8-byte aligned.</summary>
    public static int StringSize(int length) => (22 + (2 * length) + 7) & ~7;
}
