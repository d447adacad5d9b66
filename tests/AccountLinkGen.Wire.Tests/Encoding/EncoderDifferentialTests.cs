using System;
using System.Net;
using System.Threading.Tasks;
using AccountLinkGen.Wire.Tests.Generated;
using AccountLinkGen.Wire.Tests.Support;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Wire.Tests.Encoding;

/// <summary>
/// Random options encoded by us and by Stripe.net 53.1.0 must yield the same multiset of <c>key=value</c> pairs,
/// byte for byte. Set <c>WIRE_ITERATIONS</c> to sample more (CsCheck also honours <c>CsCheck_Seed</c> to replay).
/// </summary>
public sealed class EncoderDifferentialTests : IClassFixture<StripeNetEncoder>
{
    private const int DefaultIterations = 1500;

    private readonly StripeNetEncoder _stripeNet;
    private readonly ITestOutputHelper _output;

    public EncoderDifferentialTests(StripeNetEncoder stripeNet, ITestOutputHelper output)
    {
        _stripeNet = stripeNet;
        _output = output;
    }

    private static long Iterations => Sampling.Iterations(DefaultIterations);

    [Fact]
    public async Task Random_options_encode_exactly_as_StripeNet_does()
    {
        await OptionsGen.Options.SampleAsync(
            async options =>
            {
                string theirs = await _stripeNet.EncodeAsync(options);
                FormPairs.AssertSame(theirs, options.ToFormUrlEncoded());
            },
            writeLine: _output.WriteLine,
            iter: Iterations,
            print: OptionsGen.Print);
    }

    [Fact]
    public void The_request_body_bytes_are_the_encoded_text()
    {
        // The service sends WriteForm's text as ASCII bytes, not ToFormUrlEncoded's string: both must agree.
        OptionsGen.Options.Sample(
            options =>
            {
                var writer = AccountLinkGen.FormWriter.Create();
                options.WriteForm(ref writer);
                byte[] body = System.Text.Encoding.ASCII.GetBytes(writer.WrittenSpan.ToArray());
                writer.Dispose();
                Assert.Equal(options.ToFormUrlEncoded(), System.Text.Encoding.UTF8.GetString(body));
                Assert.Equal(-1, body.AsSpan().IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E));
            },
            iter: Iterations,
            print: OptionsGen.Print);
    }

    [Fact]
    public void Encode_matches_WebUtility_UrlEncode_with_literal_brackets()
    {
        // The percent-encoding rule Stripe.net applies to every key and value.
        OptionsGen.Text.Sample(
            value =>
            {
                string expected = WebUtility.UrlEncode(value).Replace("%5B", "[", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal);
                Assert.Equal(expected, AccountLinkGen.FormEncodedText.Encode(value).Value);
            },
            iter: Iterations * 10,
            print: OptionsGen.Escape);
    }
}
