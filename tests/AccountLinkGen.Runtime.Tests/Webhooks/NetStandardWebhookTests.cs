using System;
using System.Reflection;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Webhooks;

/// <summary>
/// The netstandard2.0 build, loaded on its own, checks signatures as the net8.0 build does: it compares them with a
/// loop of its own instead of <c>CryptographicOperations</c>, and takes <see cref="TimeProvider"/> from the
/// Microsoft.Bcl.TimeProvider package.
/// </summary>
public sealed class NetStandardWebhookTests
{
    private static readonly string Payload = Signing.Event("customer.created", """{"id":"cus_1","object":"customer","created":1686089970,"livemode":false}""");

    [Fact]
    public void The_netstandard20_build_passes_and_refuses_what_the_checks_say()
    {
        var context = new NetStandardLoadContext();
        try
        {
            Type webhook = context.LoadBuild("AccountLinkGen.Runtime").GetType("AccountLinkGen.StripeWebhook", throwOnError: true)!;
            MethodInfo construct = webhook.GetMethod("ConstructEvent", new[] { typeof(string), typeof(string), typeof(string), typeof(TimeSpan?), typeof(TimeProvider) })!;
            MethodInfo generate = webhook.GetMethod("GenerateTestHeader", new[] { typeof(string), typeof(string), typeof(DateTimeOffset) })!;
            string? Outcome(string header, DateTimeOffset now)
            {
                try
                {
                    object evt = construct.Invoke(null, new object?[] { Payload, header, Signing.Secret, null, new FixedClock(now) })!;
                    return (string)evt.GetType().GetProperty("Id")!.GetValue(evt)!;
                }
                catch (TargetInvocationException e)
                {
                    return e.InnerException!.GetType().GetProperty("Failure")!.GetValue(e.InnerException)!.ToString();
                }
            }

            long t = Signing.Now.ToUnixTimeSeconds();
            string other = Signing.Signature(Payload, "whsec_previous", t);
            Assert.Equal(Signing.Header(Payload), generate.Invoke(null, new object[] { Payload, Signing.Secret, Signing.Now }));
            Assert.Equal("evt_1NG8Du2eZvKYlo2CUI79vXWy", Outcome(Signing.Header(Payload), Signing.Now));
            Assert.Equal("evt_1NG8Du2eZvKYlo2CUI79vXWy", Outcome($"t={t},v1={other},v1={Signing.Signature(Payload, Signing.Secret, t)}", Signing.Now));
            Assert.Equal("NoMatchingSignature", Outcome($"t={t},v1={other}", Signing.Now));
            Assert.Equal("NoMatchingSignature", Outcome($"t={t},v1={Signing.Signature(Payload, Signing.Secret, t)[..^1]}0", Signing.Now));
            Assert.Equal("MissingSignature", Outcome($"t={t},v0={Signing.Signature(Payload, Signing.Secret, t)}", Signing.Now));
            Assert.Equal("TimestampOutsideTolerance", Outcome(Signing.Header(Payload), Signing.Now.AddSeconds(301)));
        }
        finally
        {
            context.Unload();
        }
    }
}
