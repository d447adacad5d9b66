using System;
using System.Reflection;

namespace AccountLinkGen.Benchmarks;

/// <summary>
/// Stripe.net's own form encoder, <c>Stripe.Infrastructure.FormEncoding.FormEncoder.CreateQueryString</c>. It is
/// internal, so it is bound once to a delegate: each call then costs what a direct call would.
/// </summary>
public static class StripeNetFormEncoder
{
    public static readonly Func<global::Stripe.BaseOptions, string> CreateQueryString = Bind();

    private static Func<global::Stripe.BaseOptions, string> Bind()
    {
        Type encoder = typeof(global::Stripe.BaseOptions).Assembly.GetType("Stripe.Infrastructure.FormEncoding.FormEncoder", throwOnError: true)!;
        MethodInfo method = encoder.GetMethod(
            "CreateQueryString",
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
            binder: null,
            types: new[] { typeof(global::Stripe.BaseOptions) },
            modifiers: null)
            ?? throw new MissingMethodException("Stripe.Infrastructure.FormEncoding.FormEncoder", "CreateQueryString(BaseOptions)");
        return method.CreateDelegate<Func<global::Stripe.BaseOptions, string>>();
    }
}
